using System.Text;

namespace PayFunctions.Channels.Tests.BankTransfer;

/// <summary>camt.054.001.08 and camt.053.001.08 files shaped like a bank's, for the platform's account.</summary>
internal static class CamtSamples
{
    public const string AccountIban = "DE89370400440532013000";
    public const string PayerIban = "FR1420041010050500013M02606";

    public static string Credit(string reference, string amount, string entryRef = "AS-20261129-0001", string currency = "EUR") => $"""
        <Ntry>
          <NtryRef>1</NtryRef>
          <Amt Ccy="{currency}">{amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <Sts><Cd>BOOK</Cd></Sts>
          <BookgDt><Dt>2026-11-29</Dt></BookgDt>
          <ValDt><Dt>2026-11-29</Dt></ValDt>
          <AcctSvcrRef>{entryRef}</AcctSvcrRef>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
          <NtryDtls><TxDtls>
            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <Amt Ccy="{currency}">{amount}</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties>
              <Dbtr><Pty><Nm>Marie Dupont</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>{PayerIban}</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls></NtryDtls>
        </Ntry>
        """;

    public static string UnstructuredCredit(string text, string amount, string entryRef) => $"""
        <Ntry>
          <Amt Ccy="EUR">{amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <Sts><Cd>BOOK</Cd></Sts>
          <BookgDt><Dt>2026-11-29</Dt></BookgDt>
          <AcctSvcrRef>{entryRef}</AcctSvcrRef>
          <NtryDtls><TxDtls>
            <RltdPties><Dbtr><Pty><Nm>Jan Jansen</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{PayerIban}</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>{text}</Ustrd></RmtInf>
          </TxDtls></NtryDtls>
        </Ntry>
        """;

    public static string RefundDebit(string refundId, string paymentId, string amount, string entryRef) => $"""
        <Ntry>
          <Amt Ccy="EUR">{amount}</Amt>
          <CdtDbtInd>DBIT</CdtDbtInd>
          <Sts><Cd>BOOK</Cd></Sts>
          <BookgDt><Dt>2026-11-30</Dt></BookgDt>
          <AcctSvcrRef>{entryRef}</AcctSvcrRef>
          <NtryDtls><TxDtls>
            <Refs><MsgId>{refundId}</MsgId><PmtInfId>{refundId}</PmtInfId><InstrId>{paymentId}</InstrId><EndToEndId>{refundId}</EndToEndId></Refs>
            <Amt Ccy="EUR">{amount}</Amt>
            <RltdPties><Cdtr><Pty><Nm>Marie Dupont</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>{PayerIban}</IBAN></Id></CdtrAcct></RltdPties>
          </TxDtls></NtryDtls>
        </Ntry>
        """;

    public static string Pending(string amount) => $"""
        <Ntry>
          <Amt Ccy="EUR">{amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <Sts><Cd>PDNG</Cd></Sts>
          <BookgDt><Dt>2026-11-29</Dt></BookgDt>
          <AcctSvcrRef>AS-PENDING</AcctSvcrRef>
        </Ntry>
        """;

    public static byte[] Notification(string entries, string iban = AccountIban) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>NTF-20261129-0001</MsgId><CreDtTm>2026-11-29T10:15:00+01:00</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>NTF-20261129-0001-1</Id>
              <CreDtTm>2026-11-29T10:15:00+01:00</CreDtTm>
              <Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
              {entries}
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>
        """);

    public static byte[] Statement(string entries) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>STMT-20261129</MsgId><CreDtTm>2026-11-29T23:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-20261129-1</Id>
              <ElctrncSeqNb>333</ElctrncSeqNb>
              <CreDtTm>2026-11-29T23:00:00+01:00</CreDtTm>
              <Acct><Id><IBAN>{AccountIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
              <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-29</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1012.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-29</Dt></Dt></Bal>
              {entries}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """);
}
