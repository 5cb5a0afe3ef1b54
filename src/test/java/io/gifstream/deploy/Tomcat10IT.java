package io.gifstream.deploy;

/** Stock Apache Tomcat 10.1 (Servlet 6.0), the previous major: the same WAR must run there too. */
class Tomcat10IT extends ContainerContract {
    Tomcat10IT() {
        super(new TomcatIT.Tomcat("10.1.59"));
    }

    /** The same context file as Tomcat 11's, whose check costs 25 s (two turns of Tomcat's 10 s deployer check). */
    @Override
    boolean checksBadSettings() {
        return false;
    }
}
