package es.civica.xapi.document;

import java.util.UUID;

/** Everything that keys a document except its own id; fields a resource does not use are null. */
public record DocumentScope(String activityIri, String agentIfi, UUID registration) {
}
