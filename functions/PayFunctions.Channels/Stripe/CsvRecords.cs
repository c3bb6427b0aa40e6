using System.Text;

namespace PayFunctions.Channels.Stripe;

/// <summary>RFC 4180 records, as Stripe's reports write them: fields in double quotes may hold commas, quotes (doubled) and line breaks.</summary>
internal static class CsvRecords
{
    /// <summary>The next record's fields, or null at the end of the file.</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (!quoted)
            {
                fields.Add(field.ToString());
                return fields;
            }

            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new FormatException("The report ends inside a quoted field.");
            field.Append('\n');
        }
    }
}
