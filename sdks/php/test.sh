#!/usr/bin/env bash
# Builds the Composer package offline into dist/, checks what it holds, then runs every test (unit, live,
# coverage) against the library as unpacked from that package.
set -euo pipefail
cd "$(dirname "$0")"

# Composer must neither reach a registry nor read the user's global configuration.
export COMPOSER_DISABLE_NETWORK=1 COMPOSER_NO_INTERACTION=1 COMPOSER_ALLOW_SUPERUSER=1
export COMPOSER_HOME="$PWD/dist/composer-home"

rm -rf dist
mkdir -p dist
composer archive --format=zip --dir=dist --no-interaction
zip_file="dist/payfunctions-payfunctions-0.1.0.zip"

php -r '
    $zip = new PharData($argv[1]);
    $files = [];
    foreach (new RecursiveIteratorIterator($zip) as $file) {
        $files[] = substr($file->getPathname(), strlen("phar://" . realpath($argv[1])) + 1);
    }
    foreach (["composer.json", "init.php", "README.md", "src/Client.php", "src/Webhook.php"] as $needed) {
        in_array($needed, $files, true) || exit(fwrite(STDERR, "the package lacks $needed\n") && 1);
    }
    foreach ($files as $file) {
        preg_match("#^(tests/|test\.sh|phpunit\.xml|dist/)#", $file) && exit(fwrite(STDERR, "the package holds $file\n") && 1);
    }
    $zip->extractTo($argv[2]);
    echo count($files), " files in ", $argv[1], "\n";
' "$zip_file" dist/unpacked

PAYFUNCTIONS_SDK_ROOT="$PWD/dist/unpacked" phpunit --configuration phpunit.xml.dist "$@"
