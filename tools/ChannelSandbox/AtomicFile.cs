namespace ChannelSandbox;

/// <summary>Writes a file so that a concurrent reader sees either the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content, bool ownerOnly)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        // The temporary file lives in the target directory: a rename is only atomic within one file system.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, content);
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
