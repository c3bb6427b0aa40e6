using System.Globalization;
using System.Text;
using System.Xml;

namespace PayFunctions.Core.Screening;

/// <summary>
/// A forward-only walk through a sanctions list file for its readers: one element at a time, so a list of any length is
/// read in constant memory. The reader refuses DTDs (no entity expansion, no external entities), resolves nothing,
/// stops after <c>maxCharacters</c> and refuses nesting deeper than <see cref="MaxDepth"/>; the lists nest five
/// levels. Every fault, the XML parser's included, is a <see cref="FormatException"/> naming the file and the line.
/// </summary>
internal sealed class ListXml : IDisposable
{
    /// <summary>Deeper than any element of either list (UN: CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL/INDIVIDUAL_ALIAS/ALIAS_NAME is 4).</summary>
    public const int MaxDepth = 8;

    private readonly XmlReader reader;
    private readonly string file;

    public ListXml(Stream stream, string file, long maxCharacters)
    {
        this.file = file;
        reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        });
    }

    /// <summary>Runs one step of reading, turning the XML parser's refusals into the readers' documented exception.</summary>
    public T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw Error("not well-formed XML without a DTD, or over the size limit", e.LineNumber > 0 ? e.LineNumber : null, e);
        }
        catch (DecoderFallbackException e)
        {
            throw Error("bytes that are not text in the declared encoding", null, e);
        }
    }

    /// <summary>Runs one step of reading that returns nothing, as <see cref="Guard{T}"/>.</summary>
    public void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });

    /// <summary>Moves to the root element, which must be <paramref name="name"/>, and into it; the depth to pass to <see cref="Next"/>.</summary>
    public int? Root(string name)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != name)
        {
            throw Error($"the root element must be {name}");
        }

        return Enter();
    }

    /// <summary>On a start element: moves inside it and returns its depth, or null for an empty element (moved past).</summary>
    public int? Enter()
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement && depth == 0)
        {
            Finish();
            return null;
        }

        var empty = reader.IsEmptyElement;
        Advance();
        return empty ? null : depth;
    }

    /// <summary>
    /// The name of the next child element of the element entered at <paramref name="depth"/>, the reader on it (the
    /// caller then reads it with <see cref="Text"/>, <see cref="Enter"/> or <see cref="Skip"/>); or null once the
    /// element has ended, the reader past it.
    /// </summary>
    public string? Next(int? depth)
    {
        if (depth is null)
        {
            return null;
        }

        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement when reader.Depth == depth:
                    if (depth == 0)
                    {
                        Finish();
                    }
                    else
                    {
                        Advance();
                    }

                    return null;
                case XmlNodeType.Element:
                    return reader.LocalName;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    throw Error("text where elements were expected");
                default:
                    Advance();
                    break;
            }
        }
    }

    /// <summary>The text of the element the reader is on, trimmed, at most <paramref name="maxLength"/> characters; the reader moves past it.</summary>
    public string Text(int maxLength)
    {
        var name = reader.LocalName;
        var depth = Enter();
        if (depth is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        while (reader.NodeType != XmlNodeType.EndElement || reader.Depth != depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                throw Error($"{name} holds an element where text was expected");
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
                if (text.Length > maxLength)
                {
                    throw Error($"{name} is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters");
                }
            }

            Advance();
        }

        Advance();
        return text.ToString().Trim();
    }

    /// <summary>Moves past the element the reader is on and everything in it.</summary>
    public void Skip()
    {
        var depth = Enter();
        while (depth is not null && (reader.NodeType != XmlNodeType.EndElement || reader.Depth != depth))
        {
            Advance();
        }

        if (depth is not null)
        {
            Advance();
        }
    }

    /// <summary>The line the reader stands on, from 1.</summary>
    public int Line => Math.Max(1, ((IXmlLineInfo)reader).LineNumber);

    /// <summary>The documented refusal, at <paramref name="line"/> or else the line the reader stands on.</summary>
    public FormatException Error(string message, int? line = null, Exception? inner = null) =>
        new($"{file} line {(line ?? Line).ToString(CultureInfo.InvariantCulture)}: {message}.", inner);

    public void Dispose() => reader.Dispose();

    /// <summary>Reads past the root element to the end, so content after it is refused.</summary>
    private void Finish()
    {
        while (reader.Read())
        {
        }
    }

    private void Advance()
    {
        if (!reader.Read())
        {
            throw Error("the file ends inside an element");
        }

        if (reader.Depth > MaxDepth)
        {
            throw Error($"elements nest deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels");
        }
    }
}
