using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Api;

public sealed class PaymentListFilterTests
{
    [Fact]
    public void Every_filter_is_read_and_becomes_one_table_condition_each()
    {
        var (filter, error) = PaymentListFilter.Parse(Request(
            "?status=requires_capture&method=checkout&created%5Bgte%5D=2026-11-01T00:00:00%2B08:00&created%5Blt%5D=2026-11-02T00:00:00Z"));

        Assert.Null(error);
        Assert.Equal(PaymentStatus.RequiresCapture, filter!.Status);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), filter.CreatedFrom);
        Assert.Equal(
            "Status eq 'RequiresCapture' and Method eq 'checkout' and CreatedAt ge datetime'2026-10-31T16:00:00Z' and CreatedAt lt datetime'2026-11-02T00:00:00Z'",
            filter.TableConditions());
    }

    [Fact]
    public void An_order_id_is_looked_up_by_its_reservation_and_never_written_into_a_condition()
    {
        var (filter, _) = PaymentListFilter.Parse(Request("?merchant_order_id=x'%20or%20'1'%20eq%20'1"));

        Assert.Equal("x' or '1' eq '1", filter!.MerchantOrderId);
        Assert.Equal("", filter.TableConditions());
    }

    [Theory]
    [InlineData("?status=Succeeded", "status")]
    [InlineData("?method=%27%20or%20true", "method")]
    [InlineData("?created%5Bgte%5D=1700000000", "created[gte]")]
    [InlineData("?created%5Blt%5D=2026-11-01", "created[lt]")]
    [InlineData("?created%5Blt%5D=2026-11-01T00:00:00", "created[lt]")]
    [InlineData("?created%5Blt%5D=2026-13-01T00:00:00Z", "created[lt]")]
    [InlineData("?created%5Bgte%5D=2026-11-01T00:00:00Z&created%5Blt%5D=2026-11-01T00:00:00Z", "created[lt]")]
    [InlineData("?merchant_order_id=a%0Ab", "merchant_order_id")]
    public void A_bad_value_is_refused_naming_its_parameter(string query, string param)
    {
        var (filter, error) = PaymentListFilter.Parse(Request(query));

        Assert.Null(filter);
        Assert.Equal(param, error!.Param);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void An_order_id_longer_than_a_create_accepts_is_refused() =>
        Assert.Equal("merchant_order_id", PaymentListFilter.Parse(Request("?merchant_order_id=" + new string('a', 65))).Error!.Param);

    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;
}
