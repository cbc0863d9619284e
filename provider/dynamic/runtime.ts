// The provider host's clients, built on demand from the stack config configure() handed over
// (held in ../state.ts with the package's other process-wide state).
import { clientsFrom } from "../clients";
import { providerConfig } from "../state";

export const { genesys, zoom, ourvoice } = clientsFrom((key) => providerConfig()(key));
