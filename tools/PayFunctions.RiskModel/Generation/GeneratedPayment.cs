using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.Generation;

/// <summary>
/// One generated payment: the facts risk would know of it, what it really is, and the label a fraud team would have
/// given it, which label noise may have turned the wrong way.
/// </summary>
public sealed record GeneratedPayment(RiskFacts Facts, PaymentPattern Pattern, bool Label);
