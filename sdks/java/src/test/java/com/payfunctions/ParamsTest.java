package com.payfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.payfunctions.param.RoutingPolicyParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter objects: wire names, nesting, and immutability once built. */
class ParamsTest {
    @Test
    void nestedBuildersBecomeMapsUnderTheWireNames() {
        RoutingPolicyParams policy = RoutingPolicyParams.builder()
                .objective("success")
                .addRule(RoutingPolicyParams.Rule.builder().name("big")
                        .when(RoutingPolicyParams.Condition.builder().minAmount(100_000).build())
                        .addCandidate(RoutingPolicyParams.Candidate.builder()
                                .channelAccount("wechat_pay/main").priority(0).build())
                        .build())
                .build();

        assertEquals(Map.of(
                "objective", "success",
                "rules", List.of(Map.of(
                        "name", "big",
                        "when", Map.of("min_amount", 100_000L),
                        "candidates", List.of(Map.of("channel_account", "wechat_pay/main", "priority", 0))))),
                policy.toMap());
    }

    @Test
    void builtParamsDoNotChangeWhenTheBuilderGoesOn() {
        RoutingPolicyParams.Builder builder = RoutingPolicyParams.builder()
                .addFee(RoutingPolicyParams.Fee.builder().channelAccount("a").basisPoints(60).build());
        RoutingPolicyParams first = builder.build();

        builder.addFee(RoutingPolicyParams.Fee.builder().channelAccount("b").basisPoints(30).build());

        assertEquals(1, ((List<?>) first.toMap().get("fees")).size());
        assertEquals(2, ((List<?>) builder.build().toMap().get("fees")).size());
        assertThrows(UnsupportedOperationException.class, () -> first.toMap().put("x", 1));
    }
}
