package es.civica.gamification;

import es.civica.content.GamificationRules;
import es.civica.db.DatabaseWorker;
import es.civica.db.generated.tables.records.GamificationAwardRecord;
import es.civica.db.generated.tables.records.GamificationLearnerRecord;
import es.civica.db.generated.tables.records.LearnerProfileRecord;
import es.civica.learning.Learner;
import es.civica.organisation.OrganisationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the player shows: the learner's XP, level, streak and badge shelf; leaderboards (overall, organisation,
 * department; this week or all time; the learner and their neighbours by default, or the top) and the weekly
 * department leagues. Leaderboards show an alias unless the learner opted in to their name, and only XP: never
 * answers or scores by item.
 */
public final class GamificationService {
  /** Rows shown on each side of the learner in the neighbour view. */
  static final int NEIGHBOURS = 2;
  /** Rows of the top view. */
  static final int TOP = 10;

  private final DatabaseWorker db;
  private final GamificationStore store;
  private final GamificationProjector projector;
  private final GamificationRules rules;
  private final String homePage;
  private final OrganisationStore organisations = new OrganisationStore();

  public GamificationService(DatabaseWorker db, GamificationStore store, GamificationProjector projector,
                             String homePage) {
    this.db = db;
    this.store = store;
    this.projector = projector;
    this.rules = projector.engine().rules();
    this.homePage = homePage;
  }

  /** Brings the learner's projection up to their latest statement first (read your own writes). */
  private Future<Void> fresh(Learner learner) {
    String ifi = learner.ifi(homePage);
    return db.query(dsl -> {
      long latest = store.latestStatement(dsl, ifi);
      long seen = store.learner(dsl, ifi).map(GamificationLearnerRecord::getWatermark).orElse(0L);
      return latest > seen;
    }).compose(behind -> behind ? projector.refresh(ifi).recover(e -> Future.succeededFuture())
        : Future.succeededFuture());
  }

  /** XP, level, streak, badges (earned and locked, with how to earn them). */
  public Future<JsonObject> me(Learner learner) {
    String ifi = learner.ifi(homePage);
    return fresh(learner).compose(v -> db.query(dsl -> {
      LearnerProfileRecord profile = store.ensureProfile(dsl, learner.id());
      Optional<GamificationLearnerRecord> row = store.learner(dsl, ifi);
      List<GamificationAwardRecord> awards = store.awards(dsl, ifi);
      int xp = row.map(GamificationLearnerRecord::getXp).orElse(0);
      GamificationRules.Level level = rules.level(xp);
      JsonObject levelJson = new JsonObject().put("number", level.number()).put("name", level.name())
          .put("minXp", level.minXp());
      rules.next(level).ifPresent(n -> levelJson.put("nextName", n.name()).put("nextXp", n.minXp()));
      LocalDate today = LocalDate.now(rules.timeZone());
      int stored = row.map(GamificationLearnerRecord::getStreak).orElse(0);
      LocalDate last = row.map(GamificationLearnerRecord::getLastActiveDay).orElse(null);
      JsonObject streak = new JsonObject()
          .put("current", RuleEngine.currentStreak(rules, stored, last, today))
          .put("best", row.map(GamificationLearnerRecord::getBestStreak).orElse(0))
          .put("today", today.equals(last))
          .put("workingDay", rules.isWorkingDay(today));
      Map<String, GamificationAwardRecord> earned = new HashMap<>();
      awards.forEach(a -> earned.put(a.getAwardKey(), a));
      JsonArray badges = new JsonArray();
      for (GamificationRules.Badge b : rules.badges()) {
        GamificationAwardRecord a = earned.get("badge:" + b.id());
        JsonObject badge = new JsonObject().put("id", b.id()).put("name", b.name())
            .put("description", b.description()).put("howTo", b.howTo()).put("earned", a != null);
        if (a != null) {
          badge.put("earnedAt", a.getEarnedAt().toInstant().toString());
        }
        badges.add(badge);
      }
      return new JsonObject().put("xp", xp).put("level", levelJson).put("streak", streak).put("badges", badges)
          .put("capped", row.map(GamificationLearnerRecord::getCappedActions).orElse(0))
          .put("profile", profile(profile));
    }));
  }

  public Future<JsonObject> profile(Learner learner) {
    return db.query(dsl -> profile(store.ensureProfile(dsl, learner.id())));
  }

  /** The updated profile, or empty when the alias asked for is taken. */
  public Future<Optional<JsonObject>> updateProfile(Learner learner, String organisation, String department,
                                                    Boolean showName, Boolean hidden, String alias) {
    return db.transaction(dsl -> store.updateProfile(dsl, learner.id(), organisation, department, showName, hidden,
        alias).map(GamificationService::profile));
  }

  private static JsonObject profile(LearnerProfileRecord p) {
    return new JsonObject().put("alias", p.getAlias()).put("showName", p.getShowName()).put("hidden", p.getHidden())
        .put("organisation", p.getOrganisation()).put("department", p.getDepartment());
  }

  /** Monday 00:00 of this week in the rules' zone. */
  OffsetDateTime weekStart() {
    return ZonedDateTime.now(rules.timeZone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(rules.timeZone()).toOffsetDateTime();
  }

  /**
   * A leaderboard. scope: overall, organisation, department; period: week, all; view: neighbours (the learner and
   * {@value #NEIGHBOURS} on each side), top (the first {@value #TOP}, and the learner if below).
   */
  public Future<JsonObject> leaderboard(Learner learner, String scope, String period, String view) {
    return fresh(learner).compose(v -> db.query(dsl -> {
      LearnerProfileRecord me = store.ensureProfile(dsl, learner.id());
      JsonObject out = new JsonObject().put("scope", scope).put("period", period).put("view", view)
          .put("alias", me.getAlias()).put("showName", me.getShowName()).put("hidden", me.getHidden());
      String myOrganisation = store.organisationKey(dsl, learner.id(), me.getOrganisation());
      String org = null;
      String dept = null;
      if (!scope.equals("overall")) {
        if (myOrganisation == null || (scope.equals("department") && me.getDepartment() == null)) {
          return out.put("needsProfile", true).put("entries", new JsonArray());
        }
        org = myOrganisation;
        dept = scope.equals("department") ? me.getDepartment() : null;
        out.put("organisation", organisations.displayName(dsl, org));
        if (dept != null) {
          out.put("department", dept);
        }
      }
      OffsetDateTime since = period.equals("week") ? weekStart() : null;
      // others who left the leaderboards are not shown; the learner always sees their own place
      List<GamificationStore.Standing> rows = new ArrayList<>(store.standings(dsl, since, org, dept).stream()
          .filter(r -> !r.hidden() || learner.id().equals(r.learnerId())).toList());
      if (rows.stream().noneMatch(r -> learner.id().equals(r.learnerId()))) {
        rows.add(new GamificationStore.Standing(learner.ifi(homePage), learner.id(), learner.name(), me.getAlias(),
            me.getShowName(), me.getHidden(), myOrganisation, me.getDepartment(), 0));
      }
      rows.sort(Comparator.comparingInt(GamificationStore.Standing::xp).reversed()
          .thenComparing(GamificationStore.Standing::alias));
      int mine = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (learner.id().equals(rows.get(i).learnerId())) {
          mine = i;
        }
      }
      int[] ranks = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        ranks[i] = i > 0 && rows.get(i).xp() == rows.get(i - 1).xp() ? ranks[i - 1] : i + 1;
      }
      List<Integer> shown = new ArrayList<>();
      if (view.equals("top")) {
        for (int i = 0; i < Math.min(TOP, rows.size()); i++) {
          shown.add(i);
        }
        if (mine >= TOP) {
          shown.add(mine);
        }
      } else {
        for (int i = Math.max(0, mine - NEIGHBOURS); i <= Math.min(rows.size() - 1, mine + NEIGHBOURS); i++) {
          shown.add(i);
        }
      }
      JsonArray entries = new JsonArray();
      for (int i : shown) {
        GamificationStore.Standing r = rows.get(i);
        boolean isMe = i == mine;
        entries.add(new JsonObject().put("rank", ranks[i]).put("name", r.showName() ? r.displayName() : r.alias())
            .put("alias", !r.showName()).put("xp", r.xp()).put("me", isMe));
      }
      return out.put("entries", entries).put("total", rows.size()).put("rank", ranks[mine]);
    }));
  }

  /** Weekly department leagues: departments ranked by XP this week per active member (a member who earned XP). */
  public Future<JsonObject> leagues(Learner learner) {
    return fresh(learner).compose(v -> db.query(dsl -> {
      LearnerProfileRecord me = store.ensureProfile(dsl, learner.id());
      String myOrganisation = store.organisationKey(dsl, learner.id(), me.getOrganisation());
      Map<String, int[]> teams = new LinkedHashMap<>();
      Map<String, String[]> names = new HashMap<>();
      for (GamificationStore.Standing s : store.standings(dsl, weekStart(), null, null)) {
        if (s.organisation() == null || s.department() == null) {
          continue;
        }
        String key = s.organisation() + "\u0000" + s.department();
        names.computeIfAbsent(key, k -> new String[] {s.organisation(), s.department(),
            organisations.displayName(dsl, s.organisation())});
        int[] t = teams.computeIfAbsent(key, k -> new int[2]);
        t[0] += s.xp();
        t[1]++;
      }
      List<JsonObject> rows = new ArrayList<>();
      teams.forEach((key, t) -> rows.add(new JsonObject().put("organisation", names.get(key)[2])
          .put("department", names.get(key)[1]).put("activeMembers", t[1]).put("xp", t[0])
          .put("average", Math.round(10.0 * t[0] / t[1]) / 10.0)
          .put("mine", names.get(key)[0].equals(myOrganisation) && names.get(key)[1].equals(me.getDepartment()))));
      rows.sort(Comparator.comparingDouble((JsonObject r) -> r.getDouble("average")).reversed()
          .thenComparing(r -> r.getString("organisation") + " " + r.getString("department")));
      JsonArray leagues = new JsonArray();
      for (int i = 0; i < rows.size(); i++) {
        leagues.add(rows.get(i).put("rank", i == 0 || !rows.get(i).getDouble("average")
            .equals(rows.get(i - 1).getDouble("average")) ? i + 1 : leagues.getJsonObject(i - 1).getInteger("rank")));
      }
      return new JsonObject().put("weekStart", weekStart().toString()).put("leagues", leagues)
          .put("needsProfile", myOrganisation == null || me.getDepartment() == null);
    }));
  }
}
