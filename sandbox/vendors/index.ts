import type { Vendor } from "../types";
import { ourvoice } from "./ourvoice";

/** Every vendor the sandbox serves. */
export const vendors: Vendor[] = [ourvoice];
