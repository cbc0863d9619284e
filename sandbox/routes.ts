import type { Endpoint, EndpointTable } from "../provider/http/endpoint";
import type { Handler, Handlers, Route } from "./types";

/** The routes of an endpoint table: each row mounted with its handler, the row's name written once (as the key). */
export function routesOf<T extends EndpointTable>(table: T, handlers: Handlers<T>): Route[] {
  const routes: Route[] = [];
  for (const name in table) routes.push(route(name, table[name], handlers[name]));
  return routes;
}

function route<E extends Endpoint>(name: string, endpoint: E, handle: Handler<E>): Route {
  return { name, endpoint, handle };
}
