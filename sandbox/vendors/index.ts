import type { Vendor } from "../types";
import { genesys } from "./genesys";
import { ourvoice } from "./ourvoice";
import { zoom } from "./zoom";

/** Every vendor the sandbox serves. */
export const vendors: Vendor[] = [genesys, zoom, ourvoice];
