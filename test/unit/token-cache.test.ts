import { TokenCache } from "../../provider/http/auth";

describe("TokenCache", () => {
  test("many callers share one refresh in flight", async () => {
    let issued = 0;
    const cache = new TokenCache(async () => ({ token: `t${++issued}`, expiresIn: 3600 }));
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(["t1"]));
    expect(issued).toBe(1);
  });

  test("refreshes a minute before expiry, and on demand after a 401", async () => {
    let now = 0;
    let issued = 0;
    const cache = new TokenCache(
      async () => ({ token: `t${++issued}`, expiresIn: 3600 }),
      () => now,
    );
    expect(await cache.get()).toBe("t1");
    now = (3600 - 61) * 1000;
    expect(await cache.get()).toBe("t1");
    now = (3600 - 59) * 1000;
    expect(await cache.get()).toBe("t2");
    expect(await cache.get("t2")).toBe("t3");
  });

  test("a refused token that is no longer the cached one does not cost another login", async () => {
    let issued = 0;
    const cache = new TokenCache(async () => ({ token: `t${++issued}`, expiresIn: 3600 }));
    expect(await cache.get()).toBe("t1");
    // Ten calls that all held t1 when it was revoked: one new login between them.
    const again = await Promise.all(Array.from({ length: 10 }, () => cache.get("t1")));
    expect(new Set(again)).toEqual(new Set(["t2"]));
    // A late caller still holding t1 gets t2, not t3.
    expect(await cache.get("t1")).toBe("t2");
    expect(issued).toBe(2);
  });

  test("a failed refresh is not cached: the next call tries again", async () => {
    let calls = 0;
    const cache = new TokenCache(async () => {
      if (++calls === 1) throw new Error("login down");
      return { token: "ok", expiresIn: 60 };
    });
    await expect(cache.get()).rejects.toThrow("login down");
    expect(await cache.get()).toBe("ok");
  });
});
