package com.payfunctions.model;

/** The payer's next step of a payment that requires action. */
public final class NextAction extends PayFunctionsObject {
    private String type;
    private QrCode displayQrCode;
    private RedirectToUrl redirectToUrl;
    private UseSdk useSdk;
    private TransferInstructions displayTransferInstructions;

    /** {@code display_qr_code}, {@code redirect_to_url}, {@code use_sdk} or {@code display_transfer_instructions}. */
    public String getType() {
        return type;
    }

    public QrCode getDisplayQrCode() {
        return displayQrCode;
    }

    public RedirectToUrl getRedirectToUrl() {
        return redirectToUrl;
    }

    public UseSdk getUseSdk() {
        return useSdk;
    }

    public TransferInstructions getDisplayTransferInstructions() {
        return displayTransferInstructions;
    }
}
