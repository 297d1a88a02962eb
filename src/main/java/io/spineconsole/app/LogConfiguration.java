package io.spineconsole.app;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's Logback set-up, in code (found through {@code META-INF/services}) rather than a
 * {@code logback.xml}: reading XML took about 0.3 s of CPU at every start, most of it loading the
 * XML configurator's classes. What it sets up:
 * <ul>
 *   <li>a rolling file {@code spine-console.log} in {@code spineconsole.logdir} (the launcher sets it to
 *       the OS log folder before anything logs), 10 MB a file, 14 days, 200 MB in all;</li>
 *   <li>standard output from {@code spineconsole.consolelevel} up (WARN unless the launcher says);</li>
 *   <li>{@code %msg} and {@code %ex} mask credentials, whoever logs them ({@link LogRedaction});</li>
 *   <li>the libraries' chatter (Jetty, Javalin, Hikari, Flyway, OkHttp) from WARN up.</li>
 * </ul>
 * With {@code -Dlogback.configurationFile=...} that file is used instead, as Logback documents.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n%ex";
    static final String STDOUT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%ex";
    private static final List<String> QUIET_LIBRARIES =
            List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb", "okhttp3");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // someone named a configuration file: Logback reads it
        }
        Map<String, Supplier<DynamicConverter>> redacting = new HashMap<>();
        redacting.put("msg", LogRedaction.Message::new);
        redacting.put("ex", LogRedaction.StackTrace::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, redacting);

        String dir = System.getProperty("spineconsole.logdir",
                System.getProperty("spineconsole.home", ".") + "/logs");
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/spine-console.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/spine-console.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(System.getProperty("spineconsole.consolelevel", "WARN"));
        threshold.start();
        stdout.addFilter(threshold);
        stdout.setEncoder(encoder(context, STDOUT_PATTERN));
        stdout.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(stdout);
        QUIET_LIBRARIES.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
