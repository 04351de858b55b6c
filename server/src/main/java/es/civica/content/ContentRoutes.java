package es.civica.content;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** The course for the player, learner-safe (see {@link LearnerViews}): public, read-only. */
public final class ContentRoutes {
  private final Course course;

  public ContentRoutes(Course course) {
    this.course = course;
  }

  public void mount(Router router) {
    router.get("/api/course").handler(this::course);
    router.get("/api/units/:n").handler(this::unit);
    router.get("/api/units/:n/lessons/:lessonId").handler(this::lesson);
    router.get("/api/i18n/:lang").handler(this::messages);
  }

  private void course(RoutingContext ctx) {
    ctx.json(LearnerViews.course(course));
  }

  private void unit(RoutingContext ctx) {
    unitOf(ctx, course).ifPresentOrElse(u -> ctx.json(LearnerViews.unitSummary(u)), () -> ctx.fail(404));
  }

  private void lesson(RoutingContext ctx) {
    unitOf(ctx, course).flatMap(u -> u.lesson(ctx.pathParam("lessonId")).map(l -> LearnerViews.lesson(u, l)))
        .ifPresentOrElse(ctx::json, () -> ctx.fail(404));
  }

  private void messages(RoutingContext ctx) {
    Map<String, String> strings = course.messages().strings(ctx.pathParam("lang"));
    if (strings.isEmpty()) {
      ctx.fail(404);
      return;
    }
    ctx.response().putHeader("Cache-Control", "max-age=300");
    ctx.json(new JsonObject(Map.copyOf(strings)));
  }

  /** The unit named by the {@code :n} path parameter. */
  public static java.util.Optional<Unit> unitOf(RoutingContext ctx, Course course) {
    try {
      return course.unit(Integer.parseInt(ctx.pathParam("n")));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
