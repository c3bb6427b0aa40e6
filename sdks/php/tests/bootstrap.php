<?php

declare(strict_types=1);

// test.sh points this at the library unpacked from the built package, so the package itself is tested.
$root = getenv('PAYFUNCTIONS_SDK_ROOT');
require (is_string($root) && $root !== '' ? $root : __DIR__ . '/..') . '/init.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'PayFunctions\\Tests\\';
    if (str_starts_with($class, $prefix)) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
