using PayFunctions.Domain.Reports;

namespace PayFunctions.Domain.Tests.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void Rows_are_written_under_the_header_with_lower_case_currencies()
    {
        var csv = ReportCsv.Write([new ReportRow("wechat_pay.native", "CNY", new ReportCounters(3, 2, 1, 12_345, 1, 100, 74))]);

        Assert.Equal(
            "key,currency,payments,succeeded,failed,success_rate,amount,refunds,refunded_amount,fees\r\nwechat_pay.native,cny,3,2,1,0.6667,12345,1,100,74\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("CN-GD", "CN-GD")]
    public void Formulas_are_neutralised_and_separators_quoted(string key, string field) => Assert.Equal(field, ReportCsv.Field(key));
}
