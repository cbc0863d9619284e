// The package's public surface, written out: adding or removing an export is a deliberate change
// to this list (and to the CHANGELOG). Wire models live under each vendor's `models` namespace.
import * as cxflow from "../../provider";

const surface = (o: object) => Object.keys(o).sort();

describe("public API", () => {
  test("the top level: version, errors and one namespace per vendor plus settings", () => {
    expect(surface(cxflow)).toEqual([
      "CxflowError",
      "FunctionArgsError",
      "VERSION",
      "config",
      "genesys",
      "isNotFound",
      "ourvoice",
      "zoom",
    ]);
  });

  test("each vendor: resources, data sources, the typed client and its endpoint table, and `models`", () => {
    expect(surface(cxflow.genesys)).toEqual(
      [
        "ActionTarget",
        "AnalyticsJobError",
        "ArchitectFlow",
        "FlowMilestone",
        "FlowOutcome",
        "JourneyActionMap",
        "JourneyActionTemplate",
        "JourneyOutcome",
        "JourneySegment",
        "PER_INTERACTION_DIMENSIONS",
        "SYNC_MAX_BUCKETS",
        "SYNC_MAX_DAYS",
        "analyticsEndpoints",
        "architectEndpoints",
        "chooseMode",
        "endpoints",
        "filter",
        "genesysClient",
        ...["ActionTarget", "ActionTargets", "ArchitectFlow", "ArchitectFlows", "FlowActivity", "FlowAggregates"]
          .concat(["FlowMilestone", "FlowMilestones", "FlowObservations", "FlowOutcome", "FlowOutcomes"])
          .concat(["JourneyActionMap", "JourneyActionMaps", "JourneyActionTemplate", "JourneyActionTemplates"])
          .concat(["JourneyAggregates"])
          .concat(["JourneyOutcome", "JourneyOutcomes", "JourneySegment", "JourneySegments"])
          .flatMap((n) => [`get${n}`, `get${n}Output`]),
        "models",
      ].sort(),
    );
    for (const vendor of [cxflow.zoom, cxflow.ourvoice]) {
      const client = vendor === cxflow.zoom ? "zoomClient" : "ourvoiceClient";
      expect(surface(vendor)).toEqual(
        ["Flow", "endpoints", "getFlow", "getFlowOutput", "getFlows", "getFlowsOutput", "models", client].sort(),
      );
    }
  });

  test("wire models are reachable only under `models`", () => {
    expect(cxflow.genesys.models.JourneySegment).toBeDefined();
    expect(cxflow.genesys.models.FlowAggregationQuery).toBeDefined();
    expect(cxflow.genesys.models.ListSegmentsQuery).toBeDefined();
    expect(cxflow.zoom.models.Flow).toBeDefined();
    expect(cxflow.ourvoice.models.Flow).toBeDefined();
    expect("ServiceLevel" in cxflow.genesys).toBe(false);
    expect("FlowAggregationQuery" in cxflow.genesys).toBe(false);
  });
});
