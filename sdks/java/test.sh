#!/usr/bin/env bash
# Builds the jar offline with javac + jar, then runs every test (client alone, webhooks, live host, coverage).
set -euo pipefail
cd "$(dirname "$0")"

VERSION=0.1.0
JAVA_LIB=${JAVA_LIB:-/usr/share/java}
GSON="$JAVA_LIB/gson.jar"
JUNIT="$JAVA_LIB/junit-platform-console-standalone.jar"

rm -rf build dist
mkdir -p build/classes build/test-classes dist

javac --release 17 -Xlint:all -Werror -encoding UTF-8 -cp "$GSON" -d build/classes \
  $(find src/main/java -name '*.java')
printf 'Implementation-Title: payfunctions-java\nImplementation-Version: %s\nAutomatic-Module-Name: com.payfunctions\n' \
  "$VERSION" > build/MANIFEST.MF
jar --create --file "dist/payfunctions-java-$VERSION.jar" --manifest build/MANIFEST.MF -C build/classes .
jar --create --file "dist/payfunctions-java-$VERSION-sources.jar" -C src/main/java .

javac --release 17 -Xlint:all -Werror -encoding UTF-8 -cp "dist/payfunctions-java-$VERSION.jar:$GSON:$JUNIT" -d build/test-classes \
  $(find src/test/java -name '*.java')

java -jar "$JUNIT" --disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
  --class-path "build/test-classes:dist/payfunctions-java-$VERSION.jar:$GSON" \
  --scan-class-path build/test-classes
