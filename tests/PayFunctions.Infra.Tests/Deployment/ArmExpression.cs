using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>An ARM template language expression, parsed from the text between <c>[</c> and <c>]</c>.</summary>
internal abstract record ArmExpression
{
    /// <summary>Whether a template string is an expression rather than a literal (<c>[[</c> escapes a literal bracket).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text[1..^1]);
        var expression = parser.Expression();
        parser.End();
        return expression;
    }

    private sealed class Parser(string text)
    {
        private int position;

        public ArmExpression Expression()
        {
            SkipSpaces();
            var expression = Primary();
            while (position < text.Length)
            {
                if (text[position] == '.')
                {
                    position++;
                    expression = new Member(expression, Identifier());
                }
                else if (text[position] == '[')
                {
                    position++;
                    var key = Expression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    break;
                }
            }

            SkipSpaces();
            return expression;
        }

        public void End()
        {
            if (position != text.Length)
            {
                throw new FormatException($"unexpected '{text[position..]}' in [{text}]");
            }
        }

        private ArmExpression Primary()
        {
            var c = text[position];
            if (c == '\'')
            {
                return new Literal(JsonValue.Create(StringLiteral()));
            }

            if (char.IsDigit(c) || c == '-')
            {
                var start = position++;
                while (position < text.Length && char.IsDigit(text[position]))
                {
                    position++;
                }

                return new Literal(JsonValue.Create(long.Parse(text[start..position], CultureInfo.InvariantCulture)));
            }

            var name = Identifier();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpaces();
            if (text[position] != ')')
            {
                arguments.Add(Expression());
                while (text[position] == ',')
                {
                    position++;
                    arguments.Add(Expression());
                }
            }

            Expect(')');
            return new Call(name, arguments);
        }

        private string StringLiteral()
        {
            var value = new StringBuilder();
            position++;
            while (true)
            {
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        value.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return value.ToString();
                }

                value.Append(text[position++]);
            }
        }

        private string Identifier()
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            return start == position ? throw new FormatException($"identifier expected at {position} in [{text}]") : text[start..position];
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (position >= text.Length || text[position] != c)
            {
                throw new FormatException($"'{c}' expected at {position} in [{text}]");
            }

            position++;
            SkipSpaces();
        }

        private void SkipSpaces()
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }
        }
    }
}

internal sealed record Literal(JsonNode? Value) : ArmExpression;

internal sealed record Call(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

internal sealed record Member(ArmExpression Target, string Name) : ArmExpression;

internal sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression;
