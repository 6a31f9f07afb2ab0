package cn.zhunong.mall.ledger.payout;

import java.util.Optional;

/** Where payout proofs (photos, signed receipts) are kept. Keys are opaque and chosen by the storage. */
public interface ProofStorage {

    /** Stores the content and returns its key. */
    String store(byte[] content, ProofType type);

    Optional<byte[]> load(String key);
}
