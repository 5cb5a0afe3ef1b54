package io.gifstream.deploy;

/** Stock Apache Tomcat 10.1 (Servlet 6.0), the previous major: the same WAR must run there too. */
class Tomcat10IT extends ContainerContract {
    Tomcat10IT() {
        super(new TomcatIT.Tomcat("10.1.59"));
    }
}
