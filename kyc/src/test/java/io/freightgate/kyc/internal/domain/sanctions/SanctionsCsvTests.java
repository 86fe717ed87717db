package io.freightgate.kyc.internal.domain.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanctionsCsvTests {

    @Test
    void readsTheSimpleLayoutWithQuotedNamesAndAliases() {
        var parsed = SanctionsCsv.parse("""
                reference,kind,name,aliases
                TST-001,person,"KRASNOV, Vladimir Ivanovich",Wladimir Krasnow|V. I. Krasnov
                TST-002,entity,"Blackwater ""Shadow"" Freight Ltd",
                """);

        assertThat(parsed).isInstanceOfSatisfying(SanctionsCsv.Read.class, read -> {
            assertThat(read.format()).isEqualTo("SIMPLE");
            assertThat(read.entries()).hasSize(2);
            assertThat(read.entries().getFirst().names())
                    .containsExactly("KRASNOV, Vladimir Ivanovich", "Wladimir Krasnow", "V. I. Krasnov");
            assertThat(read.entries().getLast().names()).containsExactly("Blackwater \"Shadow\" Freight Ltd");
            assertThat(read.nameCount()).isEqualTo(4);
        });
    }

    @Test
    void readsTheEuConsolidatedListGroupingAliasesByEntity() {
        var parsed = SanctionsCsv.parse("""
                \uFEFFfileGenerationDate;Entity_LogicalId;Entity_SubjectType;NameAlias_WholeName;NameAlias_Gender
                2026-11-01;13;person;Ondřej Zlatohlávek;M
                2026-11-01;13;person;Ondrej Zlatohlavek;M
                2026-11-01;14;enterprise;"Shadow; Freight";
                """);

        assertThat(parsed).isInstanceOfSatisfying(SanctionsCsv.Read.class, read -> {
            assertThat(read.format()).isEqualTo("EU-FSF");
            assertThat(read.entries()).extracting(SanctionsCsv.Entry::reference).containsExactly("13", "14");
            assertThat(read.entries().getFirst().names()).hasSize(2);
            assertThat(read.entries().getFirst().kind()).isEqualTo("person");
            assertThat(read.entries().getLast().names()).containsExactly("Shadow; Freight");
        });
    }

    @Test
    void refusesAnUnknownLayoutAnEmptyFileAndAListWithoutNames() {
        assertThat(SanctionsCsv.parse("id;whatever\n1;x\n")).isInstanceOf(SanctionsCsv.Unreadable.class);
        assertThat(SanctionsCsv.parse("")).isInstanceOf(SanctionsCsv.Unreadable.class);
        assertThat(SanctionsCsv.parse("reference,kind,name,aliases\nX,person,,\n"))
                .isInstanceOf(SanctionsCsv.Unreadable.class);
        assertThat(SanctionsCsv.parse("reference,kind,name,aliases\n,person,Somebody,\n"))
                .isInstanceOfSatisfying(SanctionsCsv.Unreadable.class, u -> assertThat(u.reason())
                        .contains("Row 2"));
    }
}
