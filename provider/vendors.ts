/** The vendors cxflow speaks to, in the order every listing uses. */
export const VENDOR_NAMES = ["genesys", "zoom", "ourvoice"] as const;

/** One vendor's short name: the first part of a resource kind (`genesys.ActionTarget`). */
export type VendorName = (typeof VENDOR_NAMES)[number];
