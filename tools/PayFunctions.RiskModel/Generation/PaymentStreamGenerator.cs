using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.Generation;

/// <summary>
/// A seeded stream of labelled payments, in the order they were made; the same settings and seed give the same stream.
/// Legitimate payers pay their usual merchants (chosen mostly from their own province) at the merchants' hours and
/// amounts, from home; as noise, some pay in bursts and some travel (a trip starts only as long after their last
/// payment at home as a flight there would take). Fraud is injected at each pattern's rate (see <see cref="PaymentPattern"/>):
/// card-testing bursts of 8–40 payments of at most 5.00, 3–40 s apart, from one new IP address and device with a new
/// card each or one card throughout, half of them at night; a taken-over payer paying 5–15 times within 10–50 minutes
/// from a new device; one amount 20–150 times the merchant's usual; a new payer from a remote province or a country the
/// merchants do not sell to; a payer's account used 2–90 minutes after they paid at home from at least 1 500 km away;
/// a card issued in China paying from an address abroad. Then labels are flipped at the noise rates. A payer's account
/// is the account at one merchant (the payer's id is the merchant's own, and so are the windows it is counted in), so
/// a taken-over account pays, and an impossible journey is made, at the merchant of that account.
/// </summary>
public static class PaymentStreamGenerator
{
    /// <summary>The fastest a traveller moves, door to door, in km/h.</summary>
    private const double TravelKmh = 700;

    /// <summary>The payments of a stream of <paramref name="settings"/>, from <paramref name="seed"/>, in time order.</summary>
    /// <exception cref="ArgumentException">The settings do not make a stream.</exception>
    public static IReadOnlyList<GeneratedPayment> Generate(GeneratorSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsValid())
        {
            throw new ArgumentException("The generator's settings do not make a stream: see GeneratorSettings.IsValid.", nameof(settings));
        }

        var random = new Random(seed);
        var world = new SyntheticWorld(random, settings.Merchants, settings.Payers ?? Math.Max(1, settings.Payments / 8));
        var builder = new Builder(settings, world, random);
        builder.AddLegitimate();
        builder.AddBursts();
        builder.AddTrips();
        builder.AddCardTesting();
        builder.AddVelocity();
        builder.AddAmountOutliers();
        builder.AddUnusualRegions();
        builder.AddImpossibleTravel();
        builder.AddIpCountryMismatches();
        return builder.Build(new Random(unchecked(seed * 31) + 7));
    }

    /// <summary>A payment being generated, which later steps may still move in time or place.</summary>
    private sealed class Draft
    {
        public required DateTimeOffset At { get; set; }

        public required SyntheticMerchant Merchant { get; init; }

        public required Money Amount { get; init; }

        public required string Method { get; init; }

        public string? PayerId { get; init; }

        public required string Ip { get; set; }

        public required string IpRegion { get; set; }

        public string? Device { get; init; }

        public string? Card { get; init; }

        public required string PayerCountry { get; init; }

        public PaymentPattern Pattern { get; set; }
    }

    private sealed class Builder(GeneratorSettings settings, SyntheticWorld world, Random random)
    {
        private readonly List<Draft> fraud = [];
        private readonly Dictionary<SyntheticPayer, List<Draft>> byPayer = [];

        public void AddLegitimate()
        {
            var legitimate = settings.CountOf(PaymentPattern.Legitimate) + settings.CountOf(PaymentPattern.Traveller);
            for (var i = 0; i < legitimate; i++)
            {
                var payer = world.Payers[world.Pick(world.PayerCumulative)];
                var merchant = payer.Favourites[random.Next(payer.Favourites.Length)];
                var hour = ((int)Math.Round(merchant.PeakHour + (3 * world.Normal())) % 24 + 24) % 24;
                var at = settings.Start.AddDays(random.Next(settings.Days)).AddHours(hour).AddSeconds(random.Next(3600));
                PaymentsOf(payer).Add(Usual(payer, merchant, at, PaymentPattern.Legitimate));
            }
        }

        /// <summary>Payers paying one merchant again within minutes of a payment, from the same place, device and card.</summary>
        public void AddBursts()
        {
            var remaining = settings.CountOf(PaymentPattern.LegitimateBurst);
            var payers = byPayer.Keys.ToArray();
            while (remaining > 0 && payers.Length > 0)
            {
                var payer = payers[random.Next(payers.Length)];
                var payments = byPayer[payer];
                var seed = payments[random.Next(payments.Count)];
                var at = seed.At;
                for (var k = Math.Min(remaining, 2 + random.Next(6)); k > 0; k--, remaining--)
                {
                    at = at.AddSeconds(15 + random.Next(165));
                    payments.Add(new Draft
                    {
                        At = at, Merchant = seed.Merchant, Amount = world.Amount(seed.Merchant), Method = seed.Method, PayerId = payer.Id,
                        Ip = seed.Ip, IpRegion = seed.IpRegion, Device = seed.Device, Card = seed.Card, PayerCountry = payer.Country,
                        Pattern = PaymentPattern.LegitimateBurst,
                    });
                }
            }

            foreach (var payments in byPayer.Values)
            {
                payments.Sort((a, b) => a.At.CompareTo(b.At));
            }
        }

        /// <summary>
        /// Moves runs of a payer's usual payments to another province or abroad, where the gaps around the run are long
        /// enough to travel there from home and back at <see cref="TravelKmh"/>; a trip starts and ends at home.
        /// </summary>
        public void AddTrips()
        {
            var remaining = settings.CountOf(PaymentPattern.Traveller);
            var payers = byPayer.Where(p => p.Value.Count >= 3).Select(p => p.Key).ToArray();
            for (var attempts = 0; remaining > 0 && payers.Length > 0 && attempts < 1_000_000; attempts++)
            {
                var payer = payers[random.Next(payers.Length)];
                var payments = byPayer[payer];
                var first = random.Next(payments.Count);
                var length = Math.Min(Math.Min(remaining, 1 + random.Next(5)), payments.Count - first);
                var destination = random.NextDouble() < 0.6 ? world.RandomProvince() : SyntheticWorld.TripsAbroad[random.Next(SyntheticWorld.TripsAbroad.Length)];
                var flight = TimeSpan.FromHours(1 + (SyntheticWorld.DistanceKm(payer.HomeRegion, destination) / TravelKmh));
                var run = payments.GetRange(first, length);
                if (destination == payer.HomeRegion
                    || run.Any(p => p.Pattern != PaymentPattern.Legitimate)
                    || (first > 0 && (payments[first - 1].Pattern == PaymentPattern.Traveller || run[0].At - payments[first - 1].At < flight))
                    || (first + length < payments.Count
                        && (payments[first + length].Pattern == PaymentPattern.Traveller || payments[first + length].At - run[^1].At < flight)))
                {
                    continue;
                }

                var ip = world.NewIp();
                foreach (var payment in run)
                {
                    payment.Ip = ip;
                    payment.IpRegion = destination;
                    payment.Pattern = PaymentPattern.Traveller;
                }

                remaining -= length;
            }
        }

        public void AddCardTesting()
        {
            var remaining = settings.CountOf(PaymentPattern.CardTesting);
            while (remaining > 0)
            {
                var merchant = world.CardMerchants[random.Next(world.CardMerchants.Length)];
                var at = RandomTime(night: random.NextDouble() < 0.5);
                var ip = world.NewIp();
                var region = random.NextDouble() < 0.5 ? SyntheticWorld.FraudCountries[random.Next(SyntheticWorld.FraudCountries.Length)] : world.RandomProvince();
                var device = random.NextDouble() < 0.8 ? world.NewDevice() : null;
                var payerId = random.NextDouble() < 0.5 ? world.NewPayerId() : null;
                var oneCard = random.NextDouble() < 0.4 ? world.NewCard() : null;
                var method = merchant.Methods.FirstOrDefault(SyntheticWorld.IsCardMethod) ?? merchant.Methods[0];
                for (var k = Math.Min(remaining, 8 + random.Next(33)); k > 0; k--, remaining--)
                {
                    fraud.Add(new Draft
                    {
                        At = at, Merchant = merchant, Amount = new Money(1 + random.Next((int)RiskFeatures.SmallAmountMinorUnits), merchant.Currency),
                        Method = method, PayerId = payerId, Ip = ip, IpRegion = region, Device = device, Card = oneCard ?? world.NewCard(),
                        PayerCountry = random.NextDouble() < 0.8 ? "CN" : SyntheticWorld.FraudCountries[random.Next(SyntheticWorld.FraudCountries.Length)],
                        Pattern = PaymentPattern.CardTesting,
                    });
                    at = at.AddSeconds(3 + random.Next(38));
                }
            }
        }

        /// <summary>A taken-over account at one of the payer's merchants paying fast from a new device and address in the payer's own province.</summary>
        public void AddVelocity()
        {
            var remaining = settings.CountOf(PaymentPattern.Velocity);
            while (remaining > 0)
            {
                var payer = RandomPayer();
                var ip = world.NewIp();
                var device = world.NewDevice();
                var card = random.NextDouble() < 0.5 ? world.NewCard() : payer.Cards[0];
                var start = RandomTime(night: false);
                var spread = 10 + random.Next(41);
                var merchant = payer.Favourites[random.Next(payer.Favourites.Length)];
                for (var k = Math.Min(remaining, 5 + random.Next(11)); k > 0; k--, remaining--)
                {
                    var method = merchant.Methods[random.Next(merchant.Methods.Length)];
                    PaymentsOf(payer).Add(new Draft
                    {
                        At = start.AddSeconds(random.Next(spread * 60)), Merchant = merchant, Amount = world.Amount(merchant, Math.Exp(0.3 + (1.2 * random.NextDouble()))),
                        Method = method, PayerId = payer.Id, Ip = ip, IpRegion = payer.HomeRegion, Device = device,
                        Card = SyntheticWorld.IsCardMethod(method) ? card : null, PayerCountry = payer.Country, Pattern = PaymentPattern.Velocity,
                    });
                }
            }
        }

        public void AddAmountOutliers()
        {
            for (var remaining = settings.CountOf(PaymentPattern.AmountOutlier); remaining > 0; remaining--)
            {
                var payer = random.NextDouble() < 0.6 ? RandomPayer() : null;
                var merchant = payer?.Favourites[random.Next(payer.Favourites.Length)] ?? world.Merchants[random.Next(world.Merchants.Length)];
                var home = payer?.HomeRegion ?? world.RandomHome();
                var method = merchant.Methods[random.Next(merchant.Methods.Length)];
                var draft = new Draft
                {
                    At = RandomTime(night: false), Merchant = merchant, Amount = SyntheticWorld.ScaledAmount(merchant, Math.Exp(3 + (2 * random.NextDouble()))),
                    Method = method, PayerId = payer?.Id ?? world.NewPayerId(), Ip = world.NewIp(), IpRegion = home, Device = world.NewDevice(),
                    Card = SyntheticWorld.IsCardMethod(method) ? world.NewCard() : null, PayerCountry = SyntheticWorld.CountryOf(home),
                    Pattern = PaymentPattern.AmountOutlier,
                };
                (payer is null ? fraud : PaymentsOf(payer)).Add(draft);
            }
        }

        public void AddUnusualRegions()
        {
            var remaining = settings.CountOf(PaymentPattern.UnusualRegion);
            while (remaining > 0)
            {
                var merchant = world.Merchants[random.Next(world.Merchants.Length)];
                var region = SyntheticWorld.RareRegions[random.Next(SyntheticWorld.RareRegions.Length)];
                var payerId = world.NewPayerId();
                var ip = world.NewIp();
                var device = world.NewDevice();
                var at = RandomTime(night: false);
                for (var k = Math.Min(remaining, 1 + random.Next(3)); k > 0; k--, remaining--)
                {
                    var method = merchant.Methods[random.Next(merchant.Methods.Length)];
                    fraud.Add(new Draft
                    {
                        At = at, Merchant = merchant, Amount = world.Amount(merchant, 1.5), Method = method, PayerId = payerId, Ip = ip, IpRegion = region,
                        Device = device, Card = SyntheticWorld.IsCardMethod(method) ? world.NewCard() : null, PayerCountry = SyntheticWorld.CountryOf(region),
                        Pattern = PaymentPattern.UnusualRegion,
                    });
                    at = at.AddMinutes(1 + random.Next(10));
                }
            }
        }

        /// <summary>A payment by a payer's account from at least 1 500 km away, 2–90 minutes after one of theirs at home at the same merchant.</summary>
        public void AddImpossibleTravel()
        {
            var remaining = settings.CountOf(PaymentPattern.ImpossibleTravel);
            var payers = byPayer.Keys.ToArray();
            while (remaining > 0 && payers.Length > 0)
            {
                var payer = payers[random.Next(payers.Length)];
                var payments = byPayer[payer];
                var home = payments[random.Next(payments.Count)];
                var far = random.NextDouble() < 0.5
                    ? SyntheticWorld.FraudCountries[random.Next(SyntheticWorld.FraudCountries.Length)]
                    : SyntheticWorld.RareRegions[random.Next(4)];
                if (home.Pattern != PaymentPattern.Legitimate || SyntheticWorld.DistanceKm(home.IpRegion, far) < 1_500)
                {
                    continue;
                }

                var merchant = home.Merchant;
                var method = merchant.Methods[random.Next(merchant.Methods.Length)];
                payments.Add(new Draft
                {
                    At = home.At.AddMinutes(2 + random.Next(89)), Merchant = merchant, Amount = world.Amount(merchant, 1 + (2 * random.NextDouble())),
                    Method = method, PayerId = payer.Id, Ip = world.NewIp(), IpRegion = far, Device = world.NewDevice(),
                    Card = SyntheticWorld.IsCardMethod(method) ? payer.Cards[0] : null, PayerCountry = payer.Country, Pattern = PaymentPattern.ImpossibleTravel,
                });
                remaining--;
            }
        }

        public void AddIpCountryMismatches()
        {
            for (var remaining = settings.CountOf(PaymentPattern.IpCountryMismatch); remaining > 0; remaining--)
            {
                var merchant = world.CardMerchants[random.Next(world.CardMerchants.Length)];
                fraud.Add(new Draft
                {
                    At = RandomTime(night: random.NextDouble() < 0.3), Merchant = merchant, Amount = world.Amount(merchant, 1 + (3 * random.NextDouble())),
                    Method = merchant.Methods.FirstOrDefault(SyntheticWorld.IsCardMethod) ?? merchant.Methods[0],
                    PayerId = random.NextDouble() < 0.5 ? world.NewPayerId() : null, Ip = world.NewIp(),
                    IpRegion = SyntheticWorld.FraudCountries[random.Next(SyntheticWorld.FraudCountries.Length)],
                    Device = random.NextDouble() < 0.7 ? world.NewDevice() : null, Card = world.NewCard(), PayerCountry = "CN",
                    Pattern = PaymentPattern.IpCountryMismatch,
                });
            }
        }

        /// <summary>Every draft in time order (ties in the order generated), numbered, with labels after noise.</summary>
        public GeneratedPayment[] Build(Random noise)
        {
            var drafts = byPayer.Values.SelectMany(p => p).Concat(fraud).OrderBy(d => d.At).ToList();
            var payments = new GeneratedPayment[drafts.Count];
            for (var i = 0; i < drafts.Count; i++)
            {
                var d = drafts[i];
                var fraudulent = d.Pattern.IsFraud();
                var flip = noise.NextDouble() < (fraudulent ? settings.MissedFraudRate : settings.FalseFraudRate);
                var facts = new RiskFacts(
                    d.Merchant.Id, $"pay_{i + 1:D8}", d.Amount, d.Method, d.At.ToUniversalTime(), d.PayerId, d.Ip, d.Device, d.Card, d.PayerCountry, d.IpRegion);
                payments[i] = new GeneratedPayment(facts, d.Pattern, fraudulent != flip);
            }

            return payments;
        }

        private List<Draft> PaymentsOf(SyntheticPayer payer)
        {
            if (!byPayer.TryGetValue(payer, out var payments))
            {
                byPayer[payer] = payments = [];
            }

            return payments;
        }

        private SyntheticPayer RandomPayer() => world.Payers[world.Pick(world.PayerCumulative)];

        /// <summary>A moment in the stream's days; at night means 01:00–05:00 China Standard Time.</summary>
        private DateTimeOffset RandomTime(bool night) => night
            ? settings.Start.AddDays(random.Next(settings.Days)).AddHours(1).AddSeconds(random.Next(4 * 3600))
            : settings.Start.AddSeconds(random.NextDouble() * settings.Days * 86_400);

        /// <summary>A payer's usual payment: one of their merchants, its amounts, from home on one of their devices, addresses and cards.</summary>
        private Draft Usual(SyntheticPayer payer, SyntheticMerchant merchant, DateTimeOffset at, PaymentPattern pattern)
        {
            var method = merchant.Methods[random.Next(merchant.Methods.Length)];
            return new Draft
            {
                At = at, Merchant = merchant, Amount = world.Amount(merchant), Method = method, PayerId = payer.Id,
                Ip = random.NextDouble() < 0.85 ? payer.Ips[0] : payer.Ips[random.Next(payer.Ips.Length)], IpRegion = payer.HomeRegion,
                Device = random.NextDouble() < 0.8 ? payer.Devices[random.Next(payer.Devices.Length)] : null,
                Card = SyntheticWorld.IsCardMethod(method) ? payer.Cards[random.Next(payer.Cards.Length)] : null,
                PayerCountry = payer.Country, Pattern = pattern,
            };
        }
    }
}
