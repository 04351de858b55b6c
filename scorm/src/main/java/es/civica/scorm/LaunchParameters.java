package es.civica.scorm;

/**
 * The contract between the launchers this library writes and the server's {@code /scorm/launch} endpoint:
 * paths and the names of the form fields the launcher POSTs ({@code application/x-www-form-urlencoded}, into
 * the player iframe). scorm/README.md ("Launch request") explains each one.
 */
public final class LaunchParameters {

    /** Where launchers POST the launch form, under the server base URL. */
    public static final String LAUNCH_PATH = "/scorm/launch";
    /** Folder the server serves the cmi5 AU launch page from ({@code launch.html} + its script). */
    public static final String CMI5_PATH = "/scorm/cmi5/";
    /** The cmi5 AU launch page, under {@link #CMI5_PATH}; cmi5.xml AU urls point here. */
    public static final String CMI5_PAGE = "launch.html";

    /** Version of the launch form and of the postMessage protocol: {@code 1}. */
    public static final String BRIDGE = "bridge";
    /** {@code scorm12}, {@code scorm2004} or {@code cmi5}. */
    public static final String STANDARD = "standard";
    /** The signed dispatch binding, exactly as given in {@link DispatchTarget#binding()}. */
    public static final String DISPATCH = "dispatch";
    /** The dispatch registration id (informational: trust only the verified binding). */
    public static final String DISPATCH_ID = "dispatchId";
    /** {@code course} or {@code unit}: which kind of package launched (SCORM only). */
    public static final String SCOPE = "scope";
    /** The course IRI (SCORM only). */
    public static final String COURSE = "course";
    /** The unit number, 1..n. */
    public static final String UNIT = "unit";
    /** The unit IRI (SCORM only; for cmi5 see {@link #CMI5_ACTIVITY_ID}). */
    public static final String ACTIVITY_ID = "activityId";
    /** The learner's id in the LMS ({@code cmi.core.student_id}, {@code cmi.learner_id}, cmi5 actor account). */
    public static final String LEARNER_ID = "learnerId";
    /** The learner's name as the LMS gives it (SCORM 1.2: "Last, First"). */
    public static final String LEARNER_NAME = "learnerName";
    /** {@code ab-initio}, {@code resume} or empty (SCORM only). */
    public static final String ENTRY = "entry";
    /** The bookmark the LMS holds (SCORM only). */
    public static final String LOCATION = "location";
    /** The suspend data the LMS holds (SCORM only). */
    public static final String SUSPEND_DATA = "suspendData";
    /** {@code normal}, {@code browse} or {@code review} (SCORM only). */
    public static final String MODE = "mode";
    /** {@code credit} or {@code no-credit} (SCORM only). */
    public static final String CREDIT = "credit";
    /** The LMS's completion status at launch (SCORM only; 1.2 mapped, see README). */
    public static final String COMPLETION_STATUS = "completionStatus";
    /** The LMS's success status at launch (SCORM only; 1.2 mapped, see README). */
    public static final String SUCCESS_STATUS = "successStatus";
    /** Origin of the LMS page that launched (the launcher page's origin; cmi5: the fetch URL's origin). */
    public static final String LMS_ORIGIN = "lmsOrigin";
    /** cmi5: the LRS endpoint from the launch URL. */
    public static final String CMI5_ENDPOINT = "cmi5Endpoint";
    /** cmi5: the auth token the fetch URL returned (already used by the launcher to read LMS.LaunchData). */
    public static final String CMI5_AUTH_TOKEN = "cmi5AuthToken";
    /** cmi5: the registration UUID from the launch URL. */
    public static final String CMI5_REGISTRATION = "cmi5Registration";
    /** cmi5: the actor JSON from the launch URL. */
    public static final String CMI5_ACTOR = "cmi5Actor";
    /** cmi5: the activity id the LMS gave the AU, from the launch URL. */
    public static final String CMI5_ACTIVITY_ID = "cmi5ActivityId";
    /** cmi5: the LMS.LaunchData state document, as JSON text. */
    public static final String CMI5_LAUNCH_DATA = "cmi5LaunchData";

    private LaunchParameters() {
    }
}
