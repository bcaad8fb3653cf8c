package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two app nodes, one database: the packaged jar started twice on the {@code mysql} profile against one MariaDB
 * schema, as a cluster runs behind a load balancer. Cases are submitted through both nodes at once; then every
 * case's registration reminder and deadline are rescheduled into the past (as Cockpit's "reschedule" does), so
 * that both nodes' job executors compete for the same timer jobs. The check proves what a cluster must keep:
 * unique case numbers, each timer executed once, each mail sent once, and no optimistic-locking failure left
 * as an incident. Its figures are printed and written to {@code target/cluster-report.txt}.
 * <p>
 * The nodes get the bare schema URL, as production does, so the {@code mysql} profile's connection settings
 * are the ones in use.
 * <p>
 * Runs in {@code ./mvnw verify -Pmysql} (failsafe, after the jar is packaged).
 */
class ClusterIT {

    static final int CASES_PER_NODE = 20;
    static final List<String> TIMERS = List.of("Timer_RegistrationReminder", "Timer_RegistrationDue");
    static final Path TARGET = Path.of("target");
    static final ObjectMapper JSON = new ObjectMapper();

    static final GreenMail smtp = new GreenMail(new ServerSetup(FreePort.next(), "127.0.0.1", "smtp"));
    static final List<Node> nodes = new ArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static JdbcClient database;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        smtp.start();
        database = JdbcClient.create(TestDatabase.dataSource("cluster"));
        // A new database is set up by the first node alone, as the README asks (the first node to find no Tasklist
        // filters or demo staff creates them); the second joins a running cluster, as any further node would.
        nodes.add(Node.start("node-1"));
        nodes.get(0).awaitHealthy();
        nodes.add(Node.start("node-2"));
        nodes.get(1).awaitHealthy();
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(Node::stop);
        smtp.stop();
    }

    @Test
    void twoNodesOnOneDatabaseNumberCasesUniquelyAndRunEachTimerAndMailOnce() throws Exception {
        List<String> caseProcesses = submitCasesThroughBothNodes();
        List<String> timerJobs = database.sql("""
                select j.ID_ from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where d.ACT_ID_ in (:timers)""")
                .param("timers", TIMERS).query(String.class).list();
        assertThat(timerJobs).hasSize(TIMERS.size() * caseProcesses.size());

        Instant movedTo = Instant.now().minusSeconds(1);
        for (int i = 0; i < timerJobs.size(); i++) {
            nodes.get(i % nodes.size()).rescheduleJob(timerJobs.get(i), movedTo);
        }
        awaitNoJobDueBefore(Instant.now().plusSeconds(1), Duration.ofMinutes(3));

        Report report = report(caseProcesses, timerJobs);
        String text = report.text();
        System.out.println(text);
        Files.writeString(TARGET.resolve("cluster-report.txt"), text);

        assertThat(report.cases()).isEqualTo(nodes.size() * CASES_PER_NODE);
        assertThat(report.distinctCaseNumbers()).isEqualTo(report.cases());
        assertThat(report.timerJobsExecutedOnce()).isEqualTo(timerJobs.size());
        assertThat(report.timerJobsExecutedTwice()).isZero();
        assertThat(report.reminderProcesses()).isEqualTo(report.cases());
        assertThat(report.escalationProcesses()).isEqualTo(report.cases());
        assertThat(report.jobsByNode()).containsOnlyKeys("node-1", "node-2");
        // a reminder to the operators and an overdue notice to the operators and supervisors, per case
        assertThat(report.caseMailsLogged()).isEqualTo(2 * report.cases());
        assertThat(report.copiesReceived()).isEqualTo(report.recipientsLogged());
        assertThat(report.duplicateMails()).isZero();
        assertThat(report.incidents()).isZero();
    }

    private List<String> submitCasesThroughBothNodes() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < nodes.size() * CASES_PER_NODE; i++) {
                Node node = nodes.get(i % nodes.size());
                int number = i;
                submitted.add(clients.submit(() -> node.submitCase(number)));
            }
            List<String> processInstances = new ArrayList<>();
            for (Future<String> future : submitted) {
                processInstances.add(future.get());
            }
            return processInstances;
        } finally {
            clients.shutdown();
        }
    }

    private static void awaitNoJobDueBefore(Instant instant, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (dueJobs(instant) > 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(dueJobs(instant) + " jobs still due after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private static int dueJobs(Instant instant) {
        return database.sql("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ < ?)")
                .param(Timestamp.from(instant)).query(Integer.class).single();
    }

    private Report report(List<String> caseProcesses, List<String> timerJobs) throws MessagingException {
        Map<String, Integer> executionsPerTimerJob = timerJobs.stream().collect(Collectors.toMap(Function.identity(),
                job -> database.sql("select count(*) from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2")
                        .param(job).query(Integer.class).single()));
        Map<String, Integer> jobsByNode = database.sql("""
                select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_""")
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // every mail the app sent, case mails and any daily bulletin alike: its subject and its number of recipients
        Map<String, Integer> recipientsBySubject = database.sql("select subject, recipients from mail_log")
                .query((row, n) -> Map.entry(row.getString(1), row.getString(2).split(",").length)).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum));
        // GreenMail keeps one copy per recipient: a mail delivered twice shows as more copies than recipients
        Map<String, Long> copiesBySubject = new HashMap<>();
        for (MimeMessage copy : smtp.getReceivedMessages()) {
            copiesBySubject.merge(copy.getSubject(), 1L, Long::sum);
        }
        int duplicates = copiesBySubject.entrySet().stream()
                .mapToInt(entry -> (int) Math.max(0, entry.getValue() - recipientsBySubject.getOrDefault(entry.getKey(), 0)))
                .sum();
        return new Report(nodes.size(), caseProcesses.size(),
                count("select count(*) from case_file"),
                count("select count(distinct case_number) from case_file"),
                (int) executionsPerTimerJob.values().stream().filter(n -> n == 1).count(),
                (int) executionsPerTimerJob.values().stream().filter(n -> n > 1).count(),
                count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'deadline-reminder'"),
                count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'overdue-escalation'"),
                jobsByNode,
                count("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 1 and JOB_EXCEPTION_MSG_ like '%OptimisticLocking%'"),
                count("select count(*) from mail_log where case_number is not null"),
                recipientsBySubject.values().stream().mapToInt(Integer::intValue).sum(),
                copiesBySubject.values().stream().mapToInt(Long::intValue).sum(),
                duplicates,
                count("select count(*) from ACT_RU_INCIDENT"));
    }

    private static int count(String sql) {
        return database.sql(sql).query(Integer.class).single();
    }

    /** What the cluster check measured. */
    record Report(int nodes, int submitted, int cases, int distinctCaseNumbers, int timerJobsExecutedOnce,
            int timerJobsExecutedTwice, int reminderProcesses, int escalationProcesses, Map<String, Integer> jobsByNode,
            int optimisticLockingRetries, int caseMailsLogged, int recipientsLogged, int copiesReceived, int duplicateMails,
            int incidents) {

        String text() {
            return """
                    Cluster check: %d nodes, one MariaDB schema
                      cases submitted %d, stored %d, distinct case numbers %d
                      timer jobs executed exactly once %d, more than once %d
                      reminder processes %d, escalation processes %d
                      jobs executed by node %s
                      optimistic-locking retries %d (left as incidents: %d)
                      case mails sent %d; copies due to all recipients %d, received by SMTP %d; duplicates %d
                    """.formatted(nodes, submitted, cases, distinctCaseNumbers, timerJobsExecutedOnce,
                    timerJobsExecutedTwice, reminderProcesses, escalationProcesses, jobsByNode,
                    optimisticLockingRetries, incidents, caseMailsLogged, recipientsLogged, copiesReceived, duplicateMails);
        }
    }

    /** One app node: the packaged jar in a JVM of its own, on its own port. */
    record Node(String name, int port, Process process, Path log) {

        static Node start(String name) throws IOException {
            int port = FreePort.next();
            Path log = TARGET.resolve("cluster-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", System.getProperty("casedesk.test.jar"),
                    "--spring.profiles.active=mysql,demo",
                    "--server.port=" + port,
                    "--camunda.bpm.generic-properties.properties.hostname=" + name,
                    // poll for due jobs every 2 s when idle (default up to 60 s), so the check does not wait long
                    "--camunda.bpm.job-execution.max-wait=2000")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of(
                    "MYSQL_URL", TestDatabase.url("cluster"),
                    "MYSQL_USER", TestDatabase.USER,
                    "MYSQL_PASSWORD", TestDatabase.PASSWORD,
                    "MAIL_HOST", "127.0.0.1",
                    "MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())));
            return new Node(name, port, builder.start(), log);
        }

        void awaitHealthy() throws Exception {
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(giveUp)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped while starting; see " + log.toAbsolutePath());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && JSON.readTree(health.body()).path("status").asText().equals("UP")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(name + " not healthy within 3 minutes; see " + log.toAbsolutePath());
        }

        String submitCase(int number) throws Exception {
            Map<String, Object> variables = Map.of(
                    "channel", "PHONE",
                    "complainantName", "顾客" + number,
                    "complainantPhone", "1391234%04d".formatted(number),
                    "respondentName", "某超市第" + number + "分店",
                    "respondentDistrict", "310101",
                    "description", "购买的牛奶已过保质期（节点 " + name + "）");
            Map<String, Object> body = Map.of("variables", variables.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> Map.of("value", entry.getValue()))));
            JsonNode started = JSON.readTree(send("operator", "POST", "/engine-rest/process-definition/key/case-lifecycle/submit-form",
                    JSON.writeValueAsString(body), 200));
            return started.path("id").asText();
        }

        void rescheduleJob(String jobId, Instant dueDate) throws Exception {
            String camundaDate = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC)
                    .format(dueDate);
            send("supervisor", "PUT", "/engine-rest/job/" + jobId + "/duedate", JSON.writeValueAsString(Map.of("duedate", camundaDate)), 204);
        }

        /** A REST call as one of the demo staff (password {@code demo}). */
        private String send(String user, String method, String path, String json, int expectedStatus) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " on " + name + ": " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
