import { CxflowError, codeForStatus, redactHeaders, redactUrl } from "../../provider/http/errors";

describe("errors", () => {
  test.each([
    [400, "validation"],
    [422, "validation"],
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [409, "conflict"],
    [429, "rate_limited"],
    [504, "timeout"],
    [500, "server"],
    [418, "http"],
  ])("status %i has code %s", (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  test("credentials never survive redaction", () => {
    const headers = redactHeaders({
      Authorization: "Bearer abc123",
      "content-type": "application/json",
      cookie: "s=1",
    });
    expect(headers).toEqual({ Authorization: "[redacted]", "content-type": "application/json", cookie: "[redacted]" });
    const url = redactUrl("https://u:p@api.example/x?access_token=abc123&page=2&client_secret=s3");
    expect(url).not.toMatch(/abc123|s3|u:p/);
    expect(url).toContain("page=2");
  });

  test("an error carries its code, status, route and correlation id", () => {
    const e = new CxflowError({
      code: "conflict",
      message: "version 3 is stale",
      status: 409,
      route: "genesys PATCH /journey/segments/{segmentId}",
      correlationId: "c-1",
    });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: "CxflowError", code: "conflict", status: 409, correlationId: "c-1" });
  });
});
