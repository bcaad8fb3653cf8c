package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.Closure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A phone complaint through Tasklist in a real browser (Debian's Chromium, headless, in Chinese), as staff work it:
 * the operator starts it from the start form and registers it, Pudong's handler does not find it in his unit's queue,
 * Huangpu's handler contacts the consumer, accepts and mediates it, the operator revisits it and it closes; then the
 * auditor reads the finished case's history in Cockpit (scripts/case-history.js). Each step's screen goes to
 * {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "spring.mail.host=127.0.0.1"})
class CaseJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String PHONE = "139" + String.format("%08d", ProcessHandle.current().pid() % 100_000_000);
    private static final int SMTP_PORT = FreePort.next();

    /** The consumer's mails (receipt, outcome) are the case's last steps: it ends only once they are sent. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "case-journey");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CaseFileService caseFiles;

    @BeforeAll
    static void startChromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("casedesk.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
                "--window-size=1400,1200", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("casedesk.test.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(driver, options);
        // Tasklist's footer covers the bottom of the form, and a form still rendering moves its fields
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void phoneComplaintIsRegisteredHandledRevisitedAndClosedInTasklist() throws IOException {
        logIn("operator");
        assertThat(pageText()).contains("发起流程", "创建时间", "待登记");
        browser.findElement(By.cssSelector(".start-process-action a")).click();
        click(By.partialLinkText("12315 案件办理"));
        type("姓名", "李明");
        type("联系电话", PHONE);
        type("名称", "某某电器商行");
        choose("所在区", "黄浦区");
        type("诉求内容", "购买的电饭煲使用一周后无法加热，商家拒绝退换。");
        screenshot("01-operator-start-form");
        click(By.cssSelector(".modal-footer .btn-primary"));
        String caseNumber = waitForCase();

        openTask("待登记", "登记案件", caseNumber);
        assertThat(pageText()).contains("登记案件", "经营者（可更正）");
        assertThat(valueOf("案件编号")).isEqualTo(caseNumber);
        assertThat(valueOf("经营者名称")).isEqualTo("某某电器商行");
        choose("类型", "投诉");
        choose("分类", "家用电器");
        screenshot("02-operator-register");
        complete();
        assertThat(caseFiles.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.WITH_UNIT);

        logIn("pudong");
        click(filter("本单位待办"));
        // the active filter shows its count (drawn in brackets by CSS)
        wait.until(ExpectedConditions.textMatches(filter("本单位待办"), Pattern.compile("本单位待办\\s*0")));
        assertThat(pageText()).doesNotContain(caseNumber);
        screenshot("03-other-unit-queue");

        logIn("huangpu");
        openTask("本单位待办", "先行联系消费者", caseNumber);
        pick("已联系");
        screenshot("04-unit-contact");
        complete();
        openTask("本单位待办", "决定是否受理", caseNumber);
        pick("受理");
        complete();
        openTask("本单位待办", "调解投诉", caseNumber);
        pick("调解达成协议");
        type("办理情况", "商家同意退货退款。");
        screenshot("05-unit-mediate");
        complete();
        assertThat(caseFiles.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.HANDLED);

        logIn("operator");
        openTask("待回访", "回访消费者", caseNumber);
        pick("满意");
        screenshot("06-operator-revisit");
        complete();

        CaseFile closed = caseFiles.find(caseNumber).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.satisfaction()).isEqualTo("SATISFIED");

        sendConsumerMails(caseNumber);
        logIn("auditor", "cockpit", By.linkText("案件历史"));
        click(By.linkText("案件历史"));
        wait.until(ExpectedConditions.elementToBeClickable(By.name("caseNumber"))).sendKeys(caseNumber);
        click(By.xpath("//form[contains(@class,'casedesk-search')]//button[normalize-space(.)='查询']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".casedesk-timeline")));
        // the diagram marks the steps the case passed through and the flows it took
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".casedesk-diagram .casedesk-taken")));
        assertThat(browser.findElements(By.cssSelector(".casedesk-diagram .casedesk-passed[data-element-id]")))
                .extracting(element -> element.getDomAttribute("data-element-id"))
                .contains("Task_RegisterCase", "Task_MediateComplaint", "Task_RevisitConsumer", "EndEvent_CaseClosed")
                .doesNotContain("Task_VerifyReport");
        assertThat(text(".casedesk-summary")).contains(caseNumber, "已结束");
        assertThat(text(".casedesk-timeline")).contains("登记案件", "operator", "分类：家用电器", "调解投诉", "huangpu",
                "调解达成协议", "回访消费者", "回访结果：满意", "案件已办结");
        assertThat(text(".casedesk-operations")).contains("签收", "完成");
        assertThat(text(".casedesk-variables")).contains("complainantPhone", PHONE);
        screenshot("07-auditor-case-history");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector(".casedesk-timeline")));
        screenshot("08-auditor-case-timeline");
    }

    private void logIn(String user) {
        logIn(user, "tasklist", By.cssSelector(".task-filter"));
    }

    private void logIn(String user, String app, By ready) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(ready));
    }

    /** Runs the case's waiting mail steps (the job executor is off here), after which its process ends. */
    private void sendConsumerMails(String caseNumber) {
        String processInstanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).processDefinitionKey("case-lifecycle").singleResult().getId();
        List<Job> steps;
        while (!(steps = managementService.createJobQuery().processInstanceId(processInstanceId).list().stream()
                .filter(job -> job.getDuedate() == null).toList()).isEmpty()) {
            steps.forEach(job -> managementService.executeJob(job.getId()));
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .finished().count()).as("case process ended").isEqualTo(1);
    }

    /** The element's text, also where it lies below the window (which WebDriver's getText leaves out). */
    private String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getDomProperty("innerText");
    }

    /** Opens the case's task from a filter and claims it, as a worker does before filling in its form. */
    private void openTask(String filter, String taskName, String caseNumber) {
        click(filter(filter));
        click(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(normalize-space(.),'" + caseNumber
                + "')]//h4[contains(@class,'task')]/a[normalize-space(.)='" + taskName + "']"));
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
    }

    private void complete() {
        WebElement button = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private static By filter(String name) {
        return By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
                + "[.//text()[normalize-space(.)='" + name + "']]");
    }

    /** Types into the form field whose label starts with {@code label}. */
    private void type(String label, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(field(label)
                + "//*[self::input or self::textarea][not(@type='hidden') and not(contains(@class,'hidden'))]")));
        field.clear();
        field.sendKeys(text);
    }

    private String valueOf(String label) {
        return browser.findElement(By.xpath(field(label) + "//input")).getDomProperty("value");
    }

    /** Chooses an option of a form-js select, which is a drop-down list rather than an HTML select. */
    private void choose(String label, String option) {
        click(By.xpath(field(label) + "//*[contains(@class,'fjs-input-group')]"));
        click(By.xpath(field(label) + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
                + option + "']"));
    }

    /** Picks a radio option by its label. */
    private void pick(String option) {
        click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='" + option + "']"));
    }

    private static String field(String label) {
        return "//div[contains(@class,'fjs-form-field ') and not(contains(@class,'fjs-form-field-group'))]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]";
    }

    private void click(By element) {
        try {
            wait.until(driver -> {
                WebElement target = ExpectedConditions.elementToBeClickable(element).apply(driver);
                if (target == null) {
                    return false;
                }
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
                target.click();
                return true;
            });
        } catch (RuntimeException e) {
            try {
                screenshot("failed");
            } catch (IOException | RuntimeException notTaken) {
                e.addSuppressed(notTaken);
            }
            throw e;
        }
    }

    private String waitForCase() {
        wait.until(driver -> runtimeService.createProcessInstanceQuery().processDefinitionKey("case-lifecycle")
                .variableValueEquals("complainantPhone", PHONE).count() == 1);
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("case-lifecycle")
                .variableValueEquals("complainantPhone", PHONE).singleResult().getBusinessKey();
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
