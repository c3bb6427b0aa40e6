namespace PayFunctions.IntegrationTests;

/// <summary>
/// A day of the ECB's euro reference rates in its published file format (eurofxref-daily.xml), listing every currency the
/// channels under test take, so a payment in any of them can lock a quote for the fixture's merchants, who settle in CNY.
/// </summary>
public static class EcbReferenceRates
{
    public static string Daily(DateOnly day, string usd = "1.0705", string cny = "7.7748") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        	<gesmes:subject>Reference rates</gesmes:subject>
        	<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
        	<Cube>
        		<Cube time='{day:yyyy-MM-dd}'>
        			<Cube currency='USD' rate='{usd}'/>
        			<Cube currency='JPY' rate='162.35'/>
        			<Cube currency='BGN' rate='1.9558'/>
        			<Cube currency='GBP' rate='0.84155'/>
        			<Cube currency='CHF' rate='0.9402'/>
        			<Cube currency='AUD' rate='1.6402'/>
        			<Cube currency='CAD' rate='1.4958'/>
        			<Cube currency='CNY' rate='{cny}'/>
        			<Cube currency='HKD' rate='8.3321'/>
        			<Cube currency='IDR' rate='17015.42'/>
        			<Cube currency='KRW' rate='1489.71'/>
        			<Cube currency='MYR' rate='4.7651'/>
        			<Cube currency='PHP' rate='61.893'/>
        			<Cube currency='SGD' rate='1.4387'/>
        			<Cube currency='THB' rate='36.662'/>
        		</Cube>
        	</Cube>
        </gesmes:Envelope>
        """;
}
