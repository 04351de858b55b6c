package es.civica.scorm;

import java.math.BigDecimal;

/** Writes a SCORM 1.2 {@code imsmanifest.xml}: IMS CP 1.1.2 with the ADL CP 1.2 extensions. */
final class Scorm12Manifest {

    static final String IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    static final String IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Scorm12Manifest() {
    }

    static String write(PackageScope scope) {
        String base = Identifiers.ncName(scope.baseName());
        String orgId = "ORG-" + base;
        XmlElement manifest = new XmlElement("manifest")
                .attr("identifier", "MANIFEST-" + base)
                .attr("version", "1.2")
                .attr("xmlns", IMSCP)
                .attr("xmlns:adlcp", ADLCP)
                .attr("xmlns:xsi", XSI)
                .attr("xsi:schemaLocation", IMSCP + " imscp_rootv1p1p2.xsd " + IMSMD + " imsmd_rootv1p2p1.xsd "
                        + ADLCP + " adlcp_rootv1p2.xsd");
        manifest.child("metadata")
                .leaf("schema", "ADL SCORM")
                .leaf("schemaversion", "1.2");

        XmlElement organization = manifest.child("organizations").attr("default", orgId)
                .child("organization").attr("identifier", orgId);
        organization.leaf("title", scope.title());
        for (UnitPackageInfo unit : scope.units()) {
            organization.child("item")
                    .attr("identifier", Identifiers.item(unit))
                    .attr("identifierref", Identifiers.resource(unit))
                    .attr("isvisible", "true")
                    .leaf("title", unit.title())
                    .leaf("adlcp:masteryscore", masteryScore(unit.passMark()));
        }

        XmlElement resources = manifest.child("resources");
        for (UnitPackageInfo unit : scope.units()) {
            XmlElement resource = resources.child("resource")
                    .attr("identifier", Identifiers.resource(unit))
                    .attr("type", "webcontent")
                    .attr("adlcp:scormtype", "sco")
                    .attr("href", LauncherPages.unitPage(unit));
            resource.child("file").attr("href", LauncherPages.unitPage(unit));
            resource.child("dependency").attr("identifierref", Identifiers.LAUNCHER_RESOURCE);
        }
        resources.child("resource")
                .attr("identifier", Identifiers.LAUNCHER_RESOURCE)
                .attr("type", "webcontent")
                .attr("adlcp:scormtype", "asset")
                .child("file").attr("href", LauncherPages.SCORM_SCRIPT);
        return manifest.toDocument();
    }

    /** {@code adlcp:masteryscore} is on the 0..100 scale of {@code cmi.core.score.raw}. */
    static String masteryScore(double passMark) {
        return BigDecimal.valueOf(passMark).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
