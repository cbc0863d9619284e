// The Automation API test's program directory: the same resources as its inline program.
import * as pulumi from "@pulumi/pulumi";
import { contactCenter } from "./resources";

const declared = contactCenter(new pulumi.Config().require("displayName"));

export const segmentId = declared.segmentId;
export const segmentName = declared.segmentName;
export const flowId = declared.flowId;
