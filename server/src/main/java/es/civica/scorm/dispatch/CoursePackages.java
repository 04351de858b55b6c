package es.civica.scorm.dispatch;

import es.civica.content.Course;
import es.civica.content.Unit;
import es.civica.scorm.CoursePackageInfo;
import es.civica.scorm.DispatchTarget;
import es.civica.scorm.PackageScope;
import es.civica.scorm.ScormPackager;
import es.civica.scorm.ScormVersion;
import es.civica.scorm.UnitPackageInfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packages of the course the server loaded, for one registration: maps the content model into the scorm
 * module's {@link CoursePackageInfo} (titles, IRIs, pass marks, study time) and writes the zips with
 * {@link ScormPackager}. Blocking (zipping, files): call off the event loop.
 */
public final class CoursePackages {
  /** URL names of the formats: {@code scorm12}, {@code scorm2004}, {@code cmi5}. */
  public static final Map<String, ScormVersion> FORMATS = Map.of(
      "scorm12", ScormVersion.SCORM_12, "scorm2004", ScormVersion.SCORM_2004_4TH, "cmi5", ScormVersion.CMI5);

  private final CoursePackageInfo info;
  private final String serverBaseUrl;
  private final DispatchSigner signer;

  public CoursePackages(Course course, String serverBaseUrl, DispatchSigner signer) {
    this.info = info(course);
    this.serverBaseUrl = serverBaseUrl;
    this.signer = signer;
  }

  public CoursePackageInfo info() {
    return info;
  }

  /** The content's course as the packages see it. */
  public static CoursePackageInfo info(Course course) {
    List<UnitPackageInfo> units = new ArrayList<>();
    for (Unit u : course.units()) {
      units.add(new UnitPackageInfo(u.number(), u.id(), u.title(), plain(u.summary()), u.quiz().passMark(),
          u.estimatedMinutes()));
    }
    return new CoursePackageInfo(course.id(), course.title(), plain(course.summary()), course.language(), units);
  }

  /** {@code course} or {@code unit-N} → the scope; empty for anything else. */
  public Optional<PackageScope> scope(String name) {
    if (name.equals("course")) {
      return Optional.of(PackageScope.course(info));
    }
    if (name.matches("unit-[1-9][0-9]{0,2}")) {
      int n = Integer.parseInt(name.substring(5));
      if (n <= info.units().size()) {
        return Optional.of(PackageScope.unit(info, n));
      }
    }
    return Optional.empty();
  }

  public DispatchTarget target(String registrationId) {
    return new DispatchTarget(serverBaseUrl, registrationId, signer.binding(registrationId));
  }

  public String fileName(PackageScope scope, ScormVersion version) {
    return ScormPackager.fileName(scope, version);
  }

  public byte[] zip(String registrationId, PackageScope scope, ScormVersion version) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScormPackager.write(scope, version, target(registrationId), out);
    return out.toByteArray();
  }

  /**
   * Writes every package of the registration into {@code folder}: the three formats for the course and for each
   * unit. Returns the files written.
   */
  public List<Path> writeAll(String registrationId, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    List<PackageScope> scopes = new ArrayList<>();
    scopes.add(PackageScope.course(info));
    for (UnitPackageInfo u : info.units()) {
      scopes.add(PackageScope.unit(info, u.number()));
    }
    for (PackageScope scope : scopes) {
      for (ScormVersion version : List.of(ScormVersion.SCORM_12, ScormVersion.SCORM_2004_4TH, ScormVersion.CMI5)) {
        Path file = folder.resolve(ScormPackager.fileName(scope, version));
        Path temp = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
          ScormPackager.write(scope, version, target(registrationId), out);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        written.add(file);
      }
    }
    return written;
  }

  /** Markdown summary → plain text for manifests and launcher pages. */
  static String plain(String markdown) {
    if (markdown == null) {
      return "";
    }
    return markdown.replaceAll("(?m)^#{1,6}\\s+", "").replaceAll("(?m)^\\s*[-*]\\s+", "")
        .replace("**", "").replaceAll("(?<![\\w])[*_]([^*_]+)[*_](?![\\w])", "$1")
        .replaceAll("\\s+", " ").strip();
  }
}
