package es.civica.content.simulation;

/**
 * One simulated week. {@code audience} is the followers of the chosen channels at the start of the week,
 * {@code reach} the views of the week's posts, {@code engagementRate} = interactions / reach × 100 (percent,
 * two decimals), {@code questions} what citizens asked (including those repeated from last week) and
 * {@code unanswered} the questions not answered within the citizens' patience.
 */
public record WeekResult(int week, long audience, long reach, long interactions, double engagementRate,
                         int questions, int unanswered) {
}
