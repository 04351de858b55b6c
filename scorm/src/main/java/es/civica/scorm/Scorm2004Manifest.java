package es.civica.scorm;

import java.math.BigDecimal;

/**
 * Writes a SCORM 2004 4th edition {@code imsmanifest.xml}: IMS CP 1.1.4, ADL CP/SEQ/NAV 1.3 and IMS Simple
 * Sequencing 1.0.
 *
 * <p>Sequencing: the organization lets the learner take units in any order ({@code choice} and {@code flow}, not
 * {@code forwardOnly}, no preconditions). Each unit's primary objective is satisfied by measure with the unit's
 * pass mark as {@code minNormalizedMeasure}, so the LMS judges {@code cmi.score.scaled} against it. The course
 * rolls up: satisfied when every unit is, not satisfied when an attempted unit is not; completed when every unit
 * is, incomplete when an attempted unit is not; its measure is the equally weighted mean of the units' measures.
 */
final class Scorm2004Manifest {

    static final String IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3";
    static final String ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3";
    static final String ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3";
    static final String IMSSS = "http://www.imsglobal.org/xsd/imsss";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Scorm2004Manifest() {
    }

    static String write(PackageScope scope) {
        String base = Identifiers.ncName(scope.baseName());
        String orgId = "ORG-" + base;
        XmlElement manifest = new XmlElement("manifest")
                .attr("identifier", "MANIFEST-" + base)
                .attr("version", "1.0")
                .attr("xmlns", IMSCP)
                .attr("xmlns:adlcp", ADLCP)
                .attr("xmlns:adlseq", ADLSEQ)
                .attr("xmlns:adlnav", ADLNAV)
                .attr("xmlns:imsss", IMSSS)
                .attr("xmlns:xsi", XSI)
                .attr("xsi:schemaLocation", IMSCP + " imscp_v1p1.xsd " + ADLCP + " adlcp_v1p3.xsd "
                        + ADLSEQ + " adlseq_v1p3.xsd " + ADLNAV + " adlnav_v1p3.xsd " + IMSSS + " imsss_v1p0.xsd");
        manifest.child("metadata")
                .leaf("schema", "ADL SCORM")
                .leaf("schemaversion", "2004 4th Edition");

        XmlElement organization = manifest.child("organizations").attr("default", orgId)
                .child("organization")
                .attr("identifier", orgId)
                .attr("adlseq:objectivesGlobalToSystem", "false");
        organization.leaf("title", scope.title());
        for (UnitPackageInfo unit : scope.units()) {
            unitItem(organization, unit, scope.whole());
        }
        organizationSequencing(organization, scope);

        XmlElement resources = manifest.child("resources");
        for (UnitPackageInfo unit : scope.units()) {
            XmlElement resource = resources.child("resource")
                    .attr("identifier", Identifiers.resource(unit))
                    .attr("type", "webcontent")
                    .attr("adlcp:scormType", "sco")
                    .attr("href", LauncherPages.unitPage(unit));
            resource.child("file").attr("href", LauncherPages.unitPage(unit));
            resource.child("dependency").attr("identifierref", Identifiers.LAUNCHER_RESOURCE);
        }
        resources.child("resource")
                .attr("identifier", Identifiers.LAUNCHER_RESOURCE)
                .attr("type", "webcontent")
                .attr("adlcp:scormType", "asset")
                .child("file").attr("href", LauncherPages.SCORM_SCRIPT);
        return manifest.toDocument();
    }

    private static void unitItem(XmlElement organization, UnitPackageInfo unit, boolean wholeCourse) {
        XmlElement item = organization.child("item")
                .attr("identifier", Identifiers.item(unit))
                .attr("identifierref", Identifiers.resource(unit))
                .attr("isvisible", "true");
        item.leaf("title", unit.title());

        XmlElement sequencing = item.child("imsss:sequencing");
        // How this unit counts in the course: equal weight, satisfaction and completion both roll up.
        sequencing.child("imsss:rollupRules")
                .attr("rollupObjectiveSatisfied", "true")
                .attr("rollupProgressCompletion", "true")
                .attr("objectiveMeasureWeight", "1.0");
        sequencing.child("imsss:objectives")
                .child("imsss:primaryObjective")
                .attr("objectiveID", unit.iri())
                .attr("satisfiedByMeasure", "true")
                .leaf("imsss:minNormalizedMeasure", decimal(unit.passMark()));
        // The content reports completion and success; the LMS must not assume them when the SCO exits.
        sequencing.child("imsss:deliveryControls")
                .attr("tracked", "true")
                .attr("completionSetByContent", "true")
                .attr("objectiveSetByContent", "true");
        // A unit the learner has not started does not make the course "not satisfied" or "incomplete".
        sequencing.child("adlseq:rollupConsiderations")
                .attr("requiredForSatisfied", "always")
                .attr("requiredForNotSatisfied", "ifAttempted")
                .attr("requiredForCompleted", "always")
                .attr("requiredForIncomplete", "ifAttempted")
                .attr("measureSatisfactionIfActive", "true");

        if (!wholeCourse) {
            // One SCO: the LMS's previous/continue buttons lead nowhere.
            XmlElement navigation = item.child("adlnav:presentation").child("adlnav:navigationInterface");
            navigation.leaf("adlnav:hideLMSUI", "previous");
            navigation.leaf("adlnav:hideLMSUI", "continue");
        }
    }

    private static void organizationSequencing(XmlElement organization, PackageScope scope) {
        XmlElement sequencing = organization.child("imsss:sequencing");
        sequencing.child("imsss:controlMode")
                .attr("choice", "true")
                .attr("choiceExit", "true")
                .attr("flow", "true")
                .attr("forwardOnly", "false");
        XmlElement rules = sequencing.child("imsss:rollupRules")
                .attr("rollupObjectiveSatisfied", "true")
                .attr("rollupProgressCompletion", "true")
                .attr("objectiveMeasureWeight", "1.0");
        rollupRule(rules, "all", "noOp", "satisfied", "satisfied");
        rollupRule(rules, "any", "not", "satisfied", "notSatisfied");
        rollupRule(rules, "all", "noOp", "completed", "completed");
        rollupRule(rules, "any", "not", "completed", "incomplete");
        sequencing.child("imsss:objectives")
                .child("imsss:primaryObjective")
                .attr("objectiveID", scope.whole() ? scope.course().courseIri() : scope.cmi5CourseId())
                .attr("satisfiedByMeasure", "false");
    }

    private static void rollupRule(XmlElement rules, String childActivitySet, String operator, String condition,
                                   String action) {
        XmlElement rule = rules.child("imsss:rollupRule").attr("childActivitySet", childActivitySet);
        XmlElement conditions = rule.child("imsss:rollupConditions").attr("conditionCombination", "any");
        XmlElement rollupCondition = conditions.child("imsss:rollupCondition");
        if (!operator.equals("noOp")) {
            rollupCondition.attr("operator", operator);
        }
        rollupCondition.attr("condition", condition);
        rule.child("imsss:rollupAction").attr("action", action);
    }

    private static String decimal(double value) {
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
