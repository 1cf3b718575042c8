package org.tumen.simulate;

import java.time.LocalDate;
import org.tumen.model.DprkProvince;
import org.tumen.model.Sex;

/**
 * One member of the synthetic population: the truth that lists record imperfectly.
 *
 * @param id pseudonymous id, a permutation of the person's index (never derived from identity)
 * @param name the true name
 * @param sex the sex
 * @param birth the true birth date
 * @param province the home province
 * @param crossing the day the person crossed into China
 * @param fate what became of the person
 * @param catchability the person's latent catchability z ~ N(0,1) of the capture model
 * @param network whether the person is in contact with the church networks
 */
record Person(
    String id,
    KoreanName name,
    Sex sex,
    LocalDate birth,
    DprkProvince province,
    LocalDate crossing,
    Fate fate,
    double catchability,
    boolean network) {}
