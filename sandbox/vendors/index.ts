import type { Vendor } from "../types";
import { genesys } from "./genesys";
import { ourvoice } from "./ourvoice";

/** Every vendor the sandbox serves. */
export const vendors: Vendor[] = [genesys, ourvoice];
