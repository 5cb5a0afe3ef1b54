package io.gifstream.deploy;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Stock WildFly 38 (its own Weld; the bundled one stays dormant), run by deploy/wildfly/run.sh:
 * the WAR as ROOT, gifstream.frames.dir as a server system property written with jboss-cli.
 */
class WildFlyIT extends ContainerContract {
    WildFlyIT() {
        super(new WildFly());
    }

    /**
     * WildFly's deployment scanner: removing the .deployed marker undeploys (done when it writes .undeployed),
     * a .dodeploy marker deploys.
     */
    record WildFly() implements DeployedContainer {
        /**
         * WildFly's own startup warnings about its stock configuration. Undertow's UT005088 for a viewer that
         * leaves is not among them: run.sh filters it, and the test fails if it comes back.
         */
        private static final List<String> EXPECTED = List.of("WFLYTX0013", "WFLYELY00023", "WFLYELY01084");

        @Override
        public Path script() {
            return Path.of("deploy/wildfly/run.sh");
        }

        @Override
        public String version() {
            return "38.0.1.Final";
        }

        private Path deployments(Path work) {
            return work.resolve("standalone/deployments");
        }

        @Override
        public void undeploy(Path work) throws Exception {
            Path undeployed = deployments(work).resolve("ROOT.war.undeployed");
            Files.deleteIfExists(undeployed);
            Files.delete(deployments(work).resolve("ROOT.war.deployed"));
            // a request that meets the deployment while it stops is answered 500 and logged as an ERROR
            // (UT010051), which the tests would take for a problem of the application
            await("the scanner's .undeployed marker").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(undeployed));
        }

        @Override
        public void redeploy(Path work) throws Exception {
            Files.createFile(deployments(work).resolve("ROOT.war.dodeploy"));
        }

        @Override
        public boolean isProblem(String logLine) {
            return DeployedContainer.super.isProblem(logLine) && EXPECTED.stream().noneMatch(logLine::contains);
        }
    }
}
