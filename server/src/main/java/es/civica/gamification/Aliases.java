package es.civica.gamification;

import java.security.SecureRandom;
import java.util.List;

/**
 * Pseudonyms for leaderboards (data protection is taught in unit 3): an animal of the Iberian peninsula, an
 * adjective and a number, e.g. "Lince paciente 482" (adjectives that agree with either gender). Random, so nothing about the learner can be read from it.
 */
final class Aliases {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> ANIMALS = List.of("Lince", "Búho", "Halcón", "Nutria", "Garza", "Zorro",
      "Cigüeña", "Tejón", "Ciervo", "Abejaruco", "Lirón", "Mochuelo", "Rebeco", "Gineta", "Martín pescador",
      "Alcotán", "Erizo", "Grulla", "Urogallo", "Quebrantahuesos");
  private static final List<String> ADJECTIVES = List.of("ágil", "paciente", "tenaz", "amable", "valiente",
      "constante", "leal", "audaz", "alegre", "firme", "veloz", "capaz", "cortés", "libre");

  private Aliases() {
  }

  static String random() {
    return ANIMALS.get(RANDOM.nextInt(ANIMALS.size())) + " " + ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size()))
        + " " + (100 + RANDOM.nextInt(900));
  }
}
