// Wire models of the Zoom Contact Center flows API and its server-to-server OAuth token
// (docs/vendors.md). Enums are strict in requests and open in responses,
// so a value Zoom adds later does not break a client that only reads it.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Enums (from Zoom's OpenAPI description)

/** Flow status as returned; the list filter accepts only the first three. */
export const FLOW_STATUSES = ["draft", "published", "archived", "debugging"] as const;
/** Values of the `status` filter of List flows. */
export const FLOW_STATUS_FILTERS = ["draft", "published", "archived"] as const;
/** Version status; the import response spells one value `archieved` upstream, accepted too. */
export const FLOW_VERSION_STATUSES = ["draft", "published", "archived", "archieved", "debugging"] as const;
/** Legacy channel classification (no `email` value). */
export const CHANNEL_TYPES = ["voice", "chat", "sms", "video", "in_app_chat"] as const;
/** Channel (added 2023-12-14). */
export const CHANNELS = ["voice", "video", "messaging", "email", "work_item"] as const;
/** Channel sources of list/get; the import response allows {@link IMPORT_CHANNEL_SOURCES} too. */
export const CHANNEL_SOURCES = [
  "web_chat",
  "in_app_chat",
  "sms",
  "facebook_messenger",
  "whatsapp",
  "email_address",
  "api",
] as const;
/** Extra channel sources the import response schema allows. */
export const IMPORT_CHANNEL_SOURCES = ["video", "voice", "instagram", "team_chat"] as const;
/** How the `{flowId}` path segment is read: as an id (default) or as the flow name. */
export const FLOW_IDENTIFIER_TYPES = ["id", "name"] as const;
/** `new` creates a flow; `version` adds the file as the next version of the flow of that name and channel. */
export const IMPORT_MODES = ["new", "version"] as const;

/** Schema of {@link FlowStatus}. */
export const FlowStatus = z.enum(FLOW_STATUSES);
/** A flow's status: `draft`, `published`, `archived` or `debugging`. */
export type FlowStatus = z.infer<typeof FlowStatus>;
/** Schema of {@link ChannelType}. */
export const ChannelType = z.enum(CHANNEL_TYPES);
/** Legacy channel classification: `voice`, `chat`, `sms`, `video` or `in_app_chat` (no `email`). */
export type ChannelType = z.infer<typeof ChannelType>;
/** Schema of {@link Channel}. */
export const Channel = z.enum(CHANNELS);
/** A flow's channel: `voice`, `video`, `messaging`, `email` or `work_item`. */
export type Channel = z.infer<typeof Channel>;
/** Schema of {@link ChannelSource}. */
export const ChannelSource = z.enum([...CHANNEL_SOURCES, ...IMPORT_CHANNEL_SOURCES]);
/** Where a channel's contacts come from: one of {@link CHANNEL_SOURCES} or {@link IMPORT_CHANNEL_SOURCES}. */
export type ChannelSource = z.infer<typeof ChannelSource>;

/** A response enum: one of the known values, or a newer string the API may add. */
const open = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.string()]);

/** ISO-8601 UTC timestamp, seconds precision as in Zoom's examples (`2025-06-16T09:00:00Z`). */
export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

/** Integers in query strings arrive as text. */
const queryInt = () => z.coerce.number().int();

// ---------------------------------------------------------------------------------------------
// Flow objects

/** An entry point (phone number, chat widget, email address…) bound to a flow. */
export const EntryPoint = z.object({
  entry_id: z.string(),
  entry_name: z.string().optional(),
  entry_number: z.string().optional(),
  /** BCP-47-style language such as `en-US` (voice only). */
  entry_language: z.string().optional(),
  email_address: z.string().optional(),
});
export type EntryPoint = z.infer<typeof EntryPoint>;

/** One version of a flow. Versions are created only by import and numbered 1, 2, 3… */
export const FlowVersion = z.object({
  flow_version_id: z.string(),
  flow_version_description: z.string().optional(),
  /** `draft`, `published`, `archived` (or `archieved`), `debugging`. */
  flow_version_status: open(FLOW_VERSION_STATUSES),
  flow_version: z.number().int(),
  flow_version_modified_by: z.string().optional(),
  flow_version_last_modified_time: Timestamp.optional(),
});
export type FlowVersion = z.infer<typeof FlowVersion>;

/**
 * A Contact Center flow as List flows and Get flow return it. `flow_id` is an opaque ~22-character
 * base64url string; `channel*`, `status`, `modified_by`, times and versions are set by the server.
 */
export const Flow = z.object({
  flow_id: z.string(),
  /** Unique within a division. */
  flow_name: z.string(),
  flow_description: z.string().optional(),
  /** Legacy: `voice`, `chat`, `sms`, `video`, `in_app_chat`. Absent in the import response. */
  channel_type: open(CHANNEL_TYPES).optional(),
  /** `voice`, `video`, `messaging`, `email`, `work_item`. */
  channel: open(CHANNELS).optional(),
  channel_source: open([...CHANNEL_SOURCES, ...IMPORT_CHANNEL_SOURCES]).optional(),
  /** `draft`, `published`, `archived`, `debugging`. */
  status: open(FLOW_STATUSES),
  /** User id of the last editor. */
  modified_by: z.string().optional(),
  last_modified_time: Timestamp.optional(),
  entry_points: z.array(EntryPoint).optional(),
  flow_versions: z.array(FlowVersion).optional(),
});
export type Flow = z.infer<typeof Flow>;

/** A page of List flows. An empty `next_page_token` means the last page. */
export const FlowPage = z.object({
  /** Valid for 15 minutes; repeat the same filters with it. */
  next_page_token: z.string(),
  page_size: z.number().int(),
  total_records: z.number().int(),
  flows: z.array(Flow),
});
export type FlowPage = z.infer<typeof FlowPage>;

// ---------------------------------------------------------------------------------------------
// Requests

/** Path parameter of every single-flow endpoint: an id, or a name with `flow_identifier_type=name`. */
export const FlowIdParams = z.object({ flowId: z.string().min(1) });
export type FlowIdParams = z.infer<typeof FlowIdParams>;

/** Query of `GET /contact_center/flows`. */
export const ListFlowsQuery = z.object({
  /** 1–100, default 30. */
  page_size: queryInt().min(1).max(100).default(30),
  next_page_token: z.string().optional(),
  status: z.enum(FLOW_STATUS_FILTERS).optional(),
  channel_type: ChannelType.optional(),
  channel: Channel.optional(),
  channel_source: z.enum(CHANNEL_SOURCES).optional(),
});
export type ListFlowsQuery = z.infer<typeof ListFlowsQuery>;

/** Query of Get flow: read the path segment as an id (default) or as a name. */
export const GetFlowQuery = z.object({ flow_identifier_type: z.enum(FLOW_IDENTIFIER_TYPES).optional() });
export type GetFlowQuery = z.infer<typeof GetFlowQuery>;

/** A file part of a multipart body, as the sandbox's multipart parser hands it over. */
export const UploadedFile = z.object({ filename: z.string(), contentType: z.string(), text: z.string() });
export type UploadedFile = z.infer<typeof UploadedFile>;

/**
 * Largest flow file Import flow takes: "max 10 MB" in Zoom's API reference, read as 10 MiB
 * (docs/vendors.md).
 */
export const MAX_FLOW_FILE_BYTES = 10 * 1024 * 1024;

/** The multipart fields of `POST /contact_center/flows` (Import flow, the only way to create). */
export const ImportFlowBody = z.object({
  /** Unique within a division. */
  flow_name: z.string().min(1),
  /** A `.json` file produced by Export flow, at most 10 MB. */
  flow_file: UploadedFile,
  /** Required by Zoom's OpenAPI types; its prose says it defaults to `new`, so always send it. */
  import_mode: z.enum(IMPORT_MODES),
  flow_description: z.string().optional(),
  /** Description of the version the file becomes. */
  flow_version_description: z.string().optional(),
});
export type ImportFlowBody = z.infer<typeof ImportFlowBody>;

/** JSON body of `PATCH /contact_center/flows/{flowId}`: names and descriptions only. */
export const UpdateFlowBody = z.object({
  /** The version whose `flow_version_description` this edit addresses; required. */
  flow_version: z.number().int().min(1),
  flow_name: z.string().min(1).optional(),
  flow_description: z.string().optional(),
  flow_version_description: z.string().optional(),
});
export type UpdateFlowBody = z.infer<typeof UpdateFlowBody>;

/** Query of `PUT /contact_center/flows/{flowId}/publish` (it takes no body); latest version when absent. */
export const PublishFlowQuery = z.object({ flow_version: queryInt().min(1).optional() });
export type PublishFlowQuery = z.infer<typeof PublishFlowQuery>;

/** Query of Export flow: which version to download (required). */
export const ExportFlowQuery = z.object({
  flow_version: queryInt().min(1),
  flow_identifier_type: z.enum(FLOW_IDENTIFIER_TYPES).optional(),
});
export type ExportFlowQuery = z.infer<typeof ExportFlowQuery>;

/**
 * An exported flow file. Zoom does not document its format; this is the sandbox's: the channel
 * fields Import reads, plus an opaque `definition`. Unknown keys are kept.
 */
export const FlowFile = z.looseObject({
  flow_name: z.string().optional(),
  flow_description: z.string().optional(),
  channel: Channel.optional(),
  channel_type: ChannelType.optional(),
  channel_source: ChannelSource.optional(),
  flow_version: z.number().int().optional(),
  flow_version_description: z.string().optional(),
  definition: z.unknown().optional(),
});
export type FlowFile = z.infer<typeof FlowFile>;

// ---------------------------------------------------------------------------------------------
// Errors and OAuth

/** One field problem of a validation error (code 300). */
export const ErrorField = z.object({ field: z.string(), message: z.string() });
export type ErrorField = z.infer<typeof ErrorField>;

/**
 * Every Zoom API error body. Known codes: 124 invalid access token, 300 validation, 429 rate
 * limit, 3201 flow (or version) not found, 3202 flow name exists, 3209 flow in use.
 */
export const ErrorBody = z.looseObject({
  code: z.number().int(),
  message: z.string(),
  errors: z.array(ErrorField).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Form fields of `POST https://zoom.us/oauth/token` (sent as a form body or as query parameters). */
export const TokenRequest = z.object({
  grant_type: z.literal("account_credentials"),
  account_id: z.string().min(1),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

/** A server-to-server OAuth token. There is no refresh token: ask for a new one. */
export const TokenResponse = z.object({
  access_token: z.string(),
  /** `bearer`. */
  token_type: z.string(),
  /** Lifetime in seconds (about 3600). */
  expires_in: z.number().int(),
  /** Space-separated scopes granted to the app. */
  scope: z.string(),
  /** Seen in public examples (`https://api.zoom.us`); meaning undocumented. */
  api_url: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** The token endpoint's error body, e.g. `{reason: "Invalid client_id or client_secret", error: "invalid_client"}`. */
export const OAuthError = z.looseObject({ reason: z.string().optional(), error: z.string() });
export type OAuthError = z.infer<typeof OAuthError>;
