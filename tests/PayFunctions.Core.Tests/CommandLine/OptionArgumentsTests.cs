using PayFunctions.CommandLine;

namespace PayFunctions.Core.Tests.CommandLine;

/// <summary>The option parser the load driver and the routing simulation share.</summary>
public sealed class OptionArgumentsTests
{
    [Fact]
    public void Names_not_given_take_the_default_and_a_name_given_twice_its_last_value()
    {
        var options = new OptionArguments(["--rate", "2.5", "--seed", "3", "--seed", "4"], "--rate", "--seed", "--out", "--method");

        Assert.Equal(2.5, options.Number("--rate", 25, 1, 100));
        Assert.Equal(4, options.WholeNumber("--seed", 7, 0, int.MaxValue));
        Assert.Null(options.Text("--out"));
        Assert.Equal("wechat_pay.native", options.Text("--method", "wechat_pay.native"));
    }

    [Theory]
    [InlineData("--bogus", "1", "Unknown option --bogus.")]
    [InlineData("--seed", null, "--seed needs a value.")]
    public void An_unknown_name_or_a_name_without_a_value_is_refused(string name, string? value, string message)
    {
        string[] args = value is null ? [name] : [name, value];

        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new OptionArguments(args, "--seed")).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("901")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void A_whole_number_out_of_its_range_is_refused(string value)
    {
        var options = new OptionArguments(["--duration", value], "--duration");

        Assert.Equal("--duration must be a whole number from 1 to 900.", Assert.Throws<ArgumentException>(() => options.WholeNumber("--duration", 180, 1, 900)).Message);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1000.5")]
    public void A_number_out_of_its_range_is_refused(string value)
    {
        var options = new OptionArguments(["--cost-weight", value], "--cost-weight");

        Assert.Equal("--cost-weight must be a number from 0 to 1000.", Assert.Throws<ArgumentException>(() => options.Number("--cost-weight", 30, 0, 1000)).Message);
    }
}
