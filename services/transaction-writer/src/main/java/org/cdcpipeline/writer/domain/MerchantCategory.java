package org.cdcpipeline.writer.domain;

/** Merchant categories with their ISO 18245 merchant category code (MCC). */
public enum MerchantCategory {
    GROCERY("5411"),
    RESTAURANT("5812"),
    FUEL("5541"),
    PHARMACY("5912"),
    CLOTHING("5651"),
    ELECTRONICS("5732"),
    ONLINE_MARKETPLACE("5399"),
    AIRLINE("4511"),
    HOTEL("7011"),
    TAXI("4121"),
    ENTERTAINMENT("7832"),
    UTILITIES("4900"),
    JEWELRY("5944"),
    GAMBLING("7995");

    private final String mcc;

    MerchantCategory(String mcc) {
        this.mcc = mcc;
    }

    public String mcc() {
        return mcc;
    }
}
