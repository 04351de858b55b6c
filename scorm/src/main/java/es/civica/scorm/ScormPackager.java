package es.civica.scorm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes SCORM 1.2, SCORM 2004 4th edition and cmi5 packages of the course or of one unit, bound to a dispatch
 * registration. Packages are reproducible: the same input gives the same bytes (fixed entry order and time).
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(zip)) {
 *     ScormPackager.write(course, ScormVersion.SCORM_2004_4TH, target, out);   // five SCOs, one package
 * }
 * ScormPackager.writeUnit(course, 3, ScormVersion.SCORM_12, target, out);       // unit 3 alone
 * }</pre>
 */
public final class ScormPackager {

    /** Every zip entry carries this local time (no time zone is stored, so no machine's zone leaks in). */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2025, 1, 1, 0, 0, 0);

    /** The manifest of SCORM packages. */
    public static final String SCORM_MANIFEST = "imsmanifest.xml";
    /** The course structure of cmi5 packages. */
    public static final String CMI5_COURSE_STRUCTURE = "cmi5.xml";

    private static final String XSD_12 = "/es/civica/scorm/xsd/scorm12/";
    private static final String XSD_2004 = "/es/civica/scorm/xsd/scorm2004-4th/";

    /** The schema files ADL's SCORM 1.2 packages carry at their root. */
    static final List<String> SCORM_12_SCHEMAS = List.of(
            "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd");

    /** The schema files a SCORM 2004 4th edition package carries at its root (no LOM metadata is used). */
    static final List<String> SCORM_2004_SCHEMAS = List.of(
            "imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd",
            "imsss_v1p0.xsd", "imsss_v1p0auxresource.xsd", "imsss_v1p0control.xsd", "imsss_v1p0delivery.xsd",
            "imsss_v1p0limit.xsd", "imsss_v1p0objective.xsd", "imsss_v1p0random.xsd", "imsss_v1p0rollup.xsd",
            "imsss_v1p0seqrule.xsd", "imsss_v1p0util.xsd", "xml.xsd", "XMLSchema.dtd", "datatypes.dtd");

    private ScormPackager() {
    }

    /** Writes the whole-course package (one SCO or AU per unit) as a zip to {@code out}, leaving it open. */
    public static void write(CoursePackageInfo course, ScormVersion version, DispatchTarget target,
                             OutputStream out) throws IOException {
        write(PackageScope.course(course), version, target, out);
    }

    /** Writes the package of one unit as a zip to {@code out}, leaving it open. */
    public static void writeUnit(CoursePackageInfo course, int unitNumber, ScormVersion version,
                                 DispatchTarget target, OutputStream out) throws IOException {
        write(PackageScope.unit(course, unitNumber), version, target, out);
    }

    /** Writes the package as a zip to {@code out}, leaving it open. */
    public static void write(PackageScope scope, ScormVersion version, DispatchTarget target, OutputStream out)
            throws IOException {
        zip(files(scope, version, target), out);
    }

    /**
     * The package's files in zip order: the manifest (or cmi5.xml) first, then the launch pages, the launcher
     * script and the schema files.
     */
    public static Map<String, byte[]> files(PackageScope scope, ScormVersion version, DispatchTarget target) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        switch (version) {
            case SCORM_12, SCORM_2004_4TH -> {
                files.put(SCORM_MANIFEST, utf8(manifest(scope, version, target)));
                for (UnitPackageInfo unit : scope.units()) {
                    files.put(LauncherPages.unitPage(unit),
                            utf8(LauncherPages.scormPage(scope, unit, version, target)));
                }
                files.put(LauncherPages.SCORM_SCRIPT, LauncherPages.script(LauncherPages.SCORM_SCRIPT));
                boolean scorm12 = version == ScormVersion.SCORM_12;
                for (String schema : scorm12 ? SCORM_12_SCHEMAS : SCORM_2004_SCHEMAS) {
                    files.put(schema, LauncherPages.resource((scorm12 ? XSD_12 : XSD_2004) + schema));
                }
            }
            case CMI5 -> files.put(CMI5_COURSE_STRUCTURE, utf8(manifest(scope, version, target)));
        }
        return Collections.unmodifiableMap(files);
    }

    /** The {@code imsmanifest.xml} (SCORM) or {@code cmi5.xml} (cmi5) of the package. */
    public static String manifest(PackageScope scope, ScormVersion version, DispatchTarget target) {
        return switch (version) {
            case SCORM_12 -> Scorm12Manifest.write(scope);
            case SCORM_2004_4TH -> Scorm2004Manifest.write(scope);
            case CMI5 -> Cmi5CourseStructure.write(scope, target);
        };
    }

    /** A file name for the package: {@code redes-sociales-ap-unit-3-scorm2004.zip}. */
    public static String fileName(PackageScope scope, ScormVersion version) {
        return scope.baseName() + "-" + version.code() + ".zip";
    }

    /**
     * The cmi5 AU launch page and its script, for the server to serve under {@code <serverBaseUrl>/scorm/cmi5/}
     * ({@code launch.html}, {@code civica-cmi5-launcher.js}); every cmi5 package's AU urls point at that page.
     * It depends only on the server, not on the course or the registration (those come in its URL).
     */
    public static Map<String, byte[]> cmi5LaunchFiles(String serverBaseUrl) {
        String base = DispatchTarget.normalizeBaseUrl(serverBaseUrl);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(LaunchParameters.CMI5_PAGE,
                utf8(LauncherPages.cmi5Page(base, DispatchTarget.originOf(base), "es", "Cívica")));
        files.put(LauncherPages.CMI5_SCRIPT, LauncherPages.script(LauncherPages.CMI5_SCRIPT));
        return Collections.unmodifiableMap(files);
    }

    /** Zips the files in the given order with fixed times, compression level and no extra fields. */
    static void zip(Map<String, byte[]> files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setTimeLocal(ENTRY_TIME);
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(entry);
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
        zip.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Lets the zip stream close (flushing its end) without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
