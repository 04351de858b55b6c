package es.civica.scorm;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cmi5 {@code cmi5.xml} course structure. Each unit is an AU launched from the server (absolute url,
 * {@code AnyWindow}); it moves on when completed and passed, with the unit's pass mark as mastery score.
 */
final class Cmi5CourseStructure {

    static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    private Cmi5CourseStructure() {
    }

    static String write(PackageScope scope, DispatchTarget target) {
        String lang = scope.course().language();
        XmlElement root = new XmlElement("courseStructure").attr("xmlns", NAMESPACE);
        XmlElement course = root.child("course").attr("id", scope.cmi5CourseId());
        langString(course.child("title"), lang, scope.title());
        langString(course.child("description"), lang, orTitle(scope.description(), scope.title()));
        for (UnitPackageInfo unit : scope.units()) {
            XmlElement au = root.child("au")
                    .attr("id", unit.iri())
                    .attr("moveOn", "CompletedAndPassed")
                    .attr("masteryScore", BigDecimal.valueOf(unit.passMark()).stripTrailingZeros().toPlainString())
                    .attr("launchMethod", "AnyWindow");
            langString(au.child("title"), lang, unit.title());
            langString(au.child("description"), lang, orTitle(unit.description(), unit.title()));
            au.leaf("url", auUrl(target, unit));
        }
        return root.toDocument();
    }

    /**
     * {@code <serverBaseUrl>/scorm/cmi5/launch.html?unit=N&dispatch=…&dispatchId=…}; the LMS appends the cmi5
     * launch parameters (endpoint, fetch, registration, actor, activityId), whose names these do not clash with.
     */
    static String auUrl(DispatchTarget target, UnitPackageInfo unit) {
        return target.serverBaseUrl() + LaunchParameters.CMI5_PATH + LaunchParameters.CMI5_PAGE
                + "?" + LaunchParameters.UNIT + "=" + unit.number()
                + "&" + LaunchParameters.DISPATCH + "=" + encode(target.binding())
                + "&" + LaunchParameters.DISPATCH_ID + "=" + encode(target.registrationId());
    }

    private static void langString(XmlElement text, String lang, String value) {
        text.child("langstring").attr("lang", lang).text(value);
    }

    private static String orTitle(String description, String title) {
        return description.isEmpty() ? title : description;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
