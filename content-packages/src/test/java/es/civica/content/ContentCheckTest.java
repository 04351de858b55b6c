package es.civica.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line behind scripts/content-check and the build-phase check. */
class ContentCheckTest {

    @TempDir
    Path dir;

    private String output;

    private int run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ContentCheck.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void printsEachUnitsCountsAndExitsZeroOnValidContent() {
        assertEquals(0, run("--no-minimums", Fixture.original().toString()), output);
        assertTrue(output.contains("Unit 1-demo — Unidad de prueba"), output);
        assertTrue(output.contains("objectives 2 · lessons 1 · sections 2 · items 6"), output);
        assertTrue(output.contains("items by type: single-choice 1, multiple-response 1, true-false 1, matching 1, ordering 1, fill-in 1"), output);
        assertTrue(output.contains("u1-sc-estrategia"), output);
        assertTrue(output.contains("decisions  2 · endings 3 (best 1, good 1, bad 1)"), output);
        assertTrue(output.contains("u4-sim-engagement"), output);
        assertTrue(output.contains("Content check: 0 defect(s)"), output);
    }

    @Test
    void listsEveryDefectAndExitsOneWhenTheMinimumsAreNotMet() {
        assertEquals(1, run(Fixture.original().toString()));
        assertTrue(output.contains("Defects ("), output);
        assertTrue(output.contains("units/1-demo/items.json $.items: the bank holds 6 items; at least 24 required"), output);
        assertTrue(output.contains("FAILED"), output);
    }

    @Test
    void quietModePrintsOnlyDefectsAndTheSummary() {
        Fixture broken = Fixture.copyTo(dir);
        broken.edit(Fixture.ITEMS1, j -> Fixture.at(j, "/items/0/options/0").put("correct", false));
        assertEquals(1, run("--quiet", "--no-minimums", broken.root.toString()));
        assertTrue(output.startsWith("\nDefects (1):\n  units/1-demo/items.json $.items[0].options: item u1-i01 has no correct answer"), output);
    }

    @Test
    void rejectsAnUnknownOption() {
        assertEquals(2, run("--strict"));
        assertTrue(output.contains("unknown option --strict"));
    }
}
