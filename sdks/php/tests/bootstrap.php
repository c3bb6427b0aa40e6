<?php

declare(strict_types=1);

require __DIR__ . '/../init.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'PayFunctions\\Tests\\';
    if (str_starts_with($class, $prefix)) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
