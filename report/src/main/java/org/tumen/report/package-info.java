/** See DESIGN.md, module report. */
package org.tumen.report;
