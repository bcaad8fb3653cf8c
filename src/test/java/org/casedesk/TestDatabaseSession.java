package org.casedesk;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In the {@code -Pmysql} run: before any test, checks that the server answers and removes test schemas a killed
 * run left behind a day ago or earlier; after the last test, drops the schemas this run made. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; does nothing on H2.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (TestDatabase.isMysql()) {
            TestDatabase.checkServer();
            TestDatabase.dropSchemas();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (TestDatabase.isMysql()) {
            TestDatabase.dropSchemas();
        }
    }
}
