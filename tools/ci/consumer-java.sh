#!/usr/bin/env bash
# Java consumer: a fresh Maven project outside the repo depends on the locally built jar
# (dist/java is a Maven repository layout, `npx projen package:java`) plus aws-cdk-lib and
# constructs from Maven Central; README's ```java example (class WebApp) is compiled and
# synthesized with the repo's cdk CLI; its template must equal the TypeScript consumer's.
# Maven's cache (~/.m2) makes a second run faster; nothing depends on it.
set -euo pipefail
source "$(dirname "$0")/consumer-lib.sh"
version=$(node -p 'require(process.argv[1] + "/package.json").version' "$repo")
[ -f "$repo/dist/java/io/github/cdkfargatekit/cdk-fargate-kit/$version/cdk-fargate-kit-$version.jar" ] \
  || { echo "consumer-java: no jar in dist/java; run 'npx projen package:java' first"; exit 1; }
consumer_workdir java
# Maven copies an artifact from the file:// repository into its local repository once and never
# looks again for a release version: drop our own cached copy so the jar just built is the one used.
rm -rf "$HOME/.m2/repository/io/github/cdkfargatekit"
app="$work/app"
mkdir -p "$app/src/main/java"
cat >"$app/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>consumer</groupId>
  <artifactId>consumer-app</artifactId>
  <version>0.1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <repository><id>cdk-fargate-kit-dist</id><url>file://$repo/dist/java</url></repository>
  </repositories>
  <dependencies>
    <dependency><groupId>io.github.cdkfargatekit</groupId><artifactId>cdk-fargate-kit</artifactId><version>$version</version></dependency>
    <dependency><groupId>software.amazon.awscdk</groupId><artifactId>aws-cdk-lib</artifactId><version>$cdklib</version></dependency>
    <dependency><groupId>software.constructs</groupId><artifactId>constructs</artifactId><version>$constructs</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
XML
readme_block java "$app/src/main/java/WebApp.java"
t=$(now)
(cd "$app" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=classpath.txt >"$work/mvn.log" 2>&1) \
  || { tail -40 "$work/mvn.log"; echo "FAIL: mvn compile of README's java example against cdk-fargate-kit $version, aws-cdk-lib $cdklib, constructs $constructs"; exit 1; }
install_s=$(took "$t")
echo "mvn compile (cdk-fargate-kit $version, aws-cdk-lib $cdklib, constructs $constructs): $install_s s"
synth_and_compare java "$app" "java -cp target/classes:$(cat "$app/classpath.txt") WebApp" "$install_s"
