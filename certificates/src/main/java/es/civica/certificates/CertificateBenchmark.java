package es.civica.certificates;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues certificates in a loop and prints the rate (render + QR + both signatures + fingerprint).
 *
 * <pre>java -cp … es.civica.certificates.CertificateBenchmark [--threads 2] [--seconds 10] [--warmup 5]</pre>
 * The last line of output is {@code certificates/s: <rate>}.
 */
public final class CertificateBenchmark {

  private CertificateBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    int seconds = intArg(args, "--seconds", 10);
    int warmup = intArg(args, "--warmup", 5);
    CertificateIssuer issuer = new CertificateIssuer(IssuerKeys.generate());
    System.out.printf("threads: %d, warm-up: %d s, measured: %d s%n", threads, warmup, seconds);
    run(issuer, threads, warmup);
    long[] result = run(issuer, threads, seconds);
    System.out.printf("issued: %d, mean PDF size: %d bytes, CPU per certificate: %.2f ms, allocated: %d KB%n",
        result[0], result[1] / Math.max(1, result[0]), result[2] / 1e6 / Math.max(1, result[0]),
        result[3] / 1024 / Math.max(1, result[0]));
    System.out.printf("certificates/s: %.1f%n", result[0] / (double) seconds);
  }

  /** Issues for the given time on the given number of threads; returns {count, bytes, CPU ns, allocated bytes}. */
  static long[] run(CertificateIssuer issuer, int threads, int seconds) throws Exception {
    AtomicLong count = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int thread = t;
        futures.add(pool.submit(() -> {
          long i = 0;
          long cpuStart = mx.getCurrentThreadCpuTime();
          long allocStart = allocatedBytes(mx);
          while (System.nanoTime() < deadline) {
            IssuedCertificate c = issuer.issue(sample("B-" + thread + "-" + i++));
            bytes.addAndGet(c.pdf().length);
            count.incrementAndGet();
          }
          cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
          allocated.addAndGet(allocatedBytes(mx) - allocStart);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return new long[] {count.get(), bytes.get(), cpu.get(), allocated.get()};
  }

  private static long allocatedBytes(ThreadMXBean mx) {
    return mx instanceof com.sun.management.ThreadMXBean sun ? sun.getCurrentThreadAllocatedBytes() : 0;
  }

  static CertificateData sample(String id) {
    List<UnitResult> units = List.of(
        new UnitResult(1, "Gobernanza inteligente e innovación abierta", LocalDate.of(2026, 9, 14), 0.9),
        new UnitResult(2, "Administración colaborativa y gobierno abierto", LocalDate.of(2026, 9, 29), 0.85),
        new UnitResult(3, "Empleados públicos en redes sociales", LocalDate.of(2026, 10, 9), 0.955),
        new UnitResult(4, "Redes sociales en la administración local", LocalDate.of(2026, 10, 27), 0.8),
        new UnitResult(5, "Plan de social media", LocalDate.of(2026, 11, 20), 1.0));
    return new CertificateData(id, "Begoña Núñez Ibáñez", "begona.nunez@ayto-ejemplo.es",
        "Redes sociales en la Administración pública: de la gobernanza inteligente al plan de social media",
        "https://civica.app/xapi/activities/course/redes-sociales-ap", 30, units, IssuerProfile.CIVICA,
        LocalDate.of(2026, 11, 25), LocalDate.of(2028, 11, 25), "https://civica.app/verify/" + id, null);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
